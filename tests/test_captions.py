"""Page furniture (photo captions and credits, picture-desk labels, fact-box headers) is told from reporting."""

import pytest

from newsprism.analysis.captions import caption_reprinted, is_caption

FURNITURE = [
    # wire caption formulas
    "In this Saturday, July 1, 2017, photo, people line up at the NuLeaf marijuana dispensary in Las Vegas.",
    "FILE - In this May 20, 2017 file photo, U.S. Rep. Jason Chaffetz waves after addressing the Utah GOP Convention.",
    "FILE - Mitch McConnell speaks to reporters on Capitol Hill in Washington, in this March 24, 2015 file photo.",
    "The car driven by Adam Lanza is pictured at the school in this evidence photo released by the State Police.",
    "In this image released by Turner Classic Movies, Clark Gable appears in character as Rhett Butler.",
    "This undated photo provided by Husky Homestead shows Banjo, a dog that was injured.",
    "A file image from the Galileo spacecraft shows the Conemara region of Jupiter's frozen moon Europa.",
    "Sen. John McCain speaks during a town hall, Tuesday, Feb. 19, 2013, in Sun Lakes, Ariz.",
    # credit lines
    "(Photo: AP file)",
    "(Photo: AP)",
    "Amber Pasztor (Photo: Provided by Elkhart County Sheriff's Office)",
    "AP file photo/gannett illustration: Marijuana growing in Medford, Ore.",
    "[Featured Image by Bits and Splits/AP Images]",
    "(AP Photo/J. Scott Applewhite) (Associated Press)",
    "(Courtesy of the State Department)",
    "Exterior of the legitimate U.S. Embassy in Accra, Ghana (U.S. Department of State photo)",
    "Photograph: Brook Lapping/Kessler Prod/BBC",
    "Photo illustration by Slate.",
    "Shamil Zhumatov/Reuters",
    "(AP)",
    "(PHOTOS: Obama surveys Oklahoma tornado damage)",
    # a credit glued to the caption's start or end
    "Christina House / For The Times James Price, 22, wears red shoes during a news conference.",
    "Eric Gay / AP Senator Wendy Davis listens as the Texas Senate debates an abortion bill.",
    "JASON REED / Reuters",
    "The producer interrupts the telecast to announce the real winner for best picture. | ABC",
    "The senator holds up a copy of the report at a hearing on Capitol Hill on May 8. | Getty",
    "Hulton Archive - Getty New evidence seems to confirm the merchant was the killer",
    "Getty - Contributor James Maybrick, the cotton merchant",
    "Enlarge Image Close Getty Images LeBron James celebrated late in the fourth quarter.",
    # picture-desk labels
    "Media playback is unsupported on your device Media caption The area is known as the Roaring Forties",
    "Image copyright Getty Images Image caption A P3 returns to Perth from the suspended air search.",
    "Enlarge this image toggle caption U.S. Force Korea via AP U.S. Force Korea via AP",
    "Hide Caption 3 of 6 Photos: Sinking of the Musashi The Japanese Center Force leaves Brunei Bay.",
    "Full size image",
    # a video player's CLOSE button before the video's blurb
    "CLOSE Police confirmed that two bodies found Tuesday were the missing teens from Carroll County.",
    # fact-box headers
    "MH370 - Facts at a glance 8 March - Malaysia Airlines Kuala Lumpur-Beijing flight carrying 239 people disappears",
]

REPORTING = [
    # a slash, a bar or the Getty name in prose
    "The Getty Museum announced on Monday that it would return the statue to Italy.",
    "Getty Images reported a loss for the quarter, the company said.",
    "He said the either/or choice was false, and voters agreed.",
    "The ratio of wins / losses fell to 0.4 this year, the league said.",
    "Police released photos of a man they are seeking to identify in connection with the case.",
    "A photo released by school officials showed the boy in a hospital bed.",
    "In this case, the photo was taken from her phone.",
    "Juan McCullum distributed photos of the couple on social media in July 2016, according to the indictment.",
    "The images were taken by the Thaichote satellite on 24 March, a day after images from a French satellite.",
    "Trump has often taken credit for the stock market's climb.",
    "At a glance, the house looks like any other on the street.",
    "WASHINGTON (AP) — President Donald Trump's son-in-law is willing to cooperate, his attorney said Thursday.",
    "LONDON (Reuters) - The company said on Monday it would cut 1,000 jobs.",
    "The Kremlin said on Monday that Putin would travel to Pyongyang.",
    "Getty Images and Shutterstock sell stock photos to publishers.",
    "Close to 100 people gathered outside the courthouse on Tuesday.",
]


@pytest.mark.parametrize("sentence", FURNITURE)
def test_captions_credits_labels_and_fact_box_headers_are_furniture(sentence):
    assert is_caption(sentence)


@pytest.mark.parametrize("sentence", REPORTING)
def test_reporting_that_speaks_of_photos_or_credits_is_not_furniture(sentence):
    assert not is_caption(sentence)


def test_a_caption_printed_again_bare_after_its_credited_printing_is_the_caption():
    credited = "Christina House / For The Times James Price, 22, wears red shoes during a news conference."
    assert caption_reprinted("James Price, 22, wears red shoes during a news conference.", credited)
    # the same words after a sentence that is reporting, not a caption, are reporting
    assert not caption_reprinted("Price wears red shoes.", "His brother said Price wears red shoes.")
    assert not caption_reprinted("Price wears red shoes.", None)
