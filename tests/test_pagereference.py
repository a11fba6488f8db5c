import pytest

from newsprism.analysis.doc_cache import installed_model
from newsprism.articles.pagekind import page_kind
from newsprism.records import Article

pytestmark = pytest.mark.skipif(installed_model() is None, reason="the reference test reads parses")

FACT_SHEET = """Lyme disease is an infection caused by the bacterium Borrelia burgdorferi.
It is spread to humans through the bite of infected blacklegged ticks.
Typical symptoms include fever, headache, fatigue and a skin rash called erythema migrans.
Most cases can be treated successfully with a few weeks of antibiotics.
Symptoms
The rash usually appears three to thirty days after the bite and may expand over several days.
Untreated infection can spread to joints, the heart and the nervous system.
Prevention
Using insect repellent and removing ticks promptly help prevent the disease.
Checking pets and clothing after time outdoors lowers the risk of a bite."""
# the same register, but a reporter's: a person named in full and then by surname
REVIEW = """The new film is a remake of a 1981 cult favourite about a cabin in the woods.
Director Fede Alvarez keeps the original's story but drops its jokes.
Alvarez stages the gore with a craftsman's patience and a taste for the practical effect.
The cast is young and capable, and the cabin is as grim as ever.
The script, written with Rodo Sayagues, gives the heroine a drug habit to kick.
Her friends take her to the cabin to get clean, and the book in the cellar does the rest.
The result is loud, wet and relentless for ninety minutes.
Fans of the original will find plenty to admire, and newcomers plenty to scream at."""
# a report: the same definition, but someone says something
REPORT = FACT_SHEET.replace("Checking pets", "Health officials said on Monday that checking pets")


def test_a_fact_sheet_is_reference_text():
    assert page_kind(Article("f", FACT_SHEET, language="en")) == "reference page"


def test_reports_and_reviews_are_not_reference_text():
    assert page_kind(Article("r", REPORT, language="en")) is None
    assert page_kind(Article("v", REVIEW, language="en")) is None
    assert page_kind(Article("g", FACT_SHEET, language="de")) is None  # the signals are English words


CONDITIONS = ("fever", "a rash", "joint pain", "fatigue", "headaches", "swelling", "nausea")
STAGES = ("the first week", "the second week", "the first month", "the second month", "later stages", "relapses")
# a long explanatory page that speaks to its reader and quotes a source, but never narrates
EXPLAINER = "\n".join(
    [
        f"In {stage}, the infection often brings {condition} to children and adults alike."
        for stage in STAGES
        for condition in CONDITIONS
    ]
    + ["If you are looking for more detail, our partners keep a list of “the most frequent signs of the illness”."]
)
# the same page, with an account of what happened
ACCOUNT = EXPLAINER.replace(
    "In the first week, the infection often brings fever", "In the first week, the outbreak infected forty pupils"
).replace("In the second week, the infection often brings a rash", "In the second week, the school closed its gym")


def test_a_long_page_that_never_narrates_is_reference_text():
    assert page_kind(Article("e", EXPLAINER, language="en")) == "reference page"
    assert page_kind(Article("a", ACCOUNT, language="en")) is None
