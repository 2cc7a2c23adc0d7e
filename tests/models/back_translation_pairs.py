"""English news sentences, each with a faithful and an unfaithful back-translation: what the
``back-translation`` flag's chrF threshold (``models.digest.checks.BACK_TRANSLATION_CHRF``)
was calibrated on, and what ``tests/models/test_back_translation.py`` holds it to.

A *faithful* back-translation says what the English says in other words, as an OPUS-MT round
trip through Russian or Arabic rewords it: synonyms, articles and tenses changed, clauses
reordered, "said" for "says", a name spelt another way. An *unfaithful* one lost half its
content, changed who did what, or made something up; numbers and names are mostly kept in
both (those are the flag's other rules), so what the pairs measure is the score alone.

    python -m tests.models.back_translation_pairs     # prints the figures the comment quotes
"""

from __future__ import annotations

import statistics

#: (English source, faithful back-translation, unfaithful back-translation).
PAIRS: tuple[tuple[str, str, str], ...] = (
    (
        "Russia and the US are working together to prevent conflicts and incidents between them in Syria.",
        "Russia and the United States work together to prevent conflicts and incidents between them in Syria.",
        "Russia and the US are fighting each other in Syria.",
    ),
    (
        "There have been a number of run-ins between Russian and US forces in northern Syria.",
        "There were several clashes between Russian and American forces in the north of Syria.",
        "Russian forces have entered northern Syria.",
    ),
    (
        "The US backs Kurdish-led militias while Russia has been a key ally of the Syrian regime.",
        "The US supports Kurdish-led militias, while Russia is a key ally of the Syrian regime.",
        "The US and Russia support the Syrian regime against the militias.",
    ),
    (
        "Russia and the United States maintain contacts on Syria.",
        "Russia and the United States keep in contact on Syria.",
        "Russia broke off contacts with the United States.",
    ),
    (
        "This type of engagement has proven to be effective, the ambassador said in an interview on Friday.",
        "This kind of interaction has proved effective, the ambassador said in an interview on Friday.",
        "The ambassador refused to give an interview on Friday.",
    ),
    (
        "We consider it essential to continue the de-conflicting dialogue on Syria.",
        "We believe it is essential to continue the dialogue on de-escalation in Syria.",
        "We think the war in Syria must end.",
    ),
    (
        "Russia had threatened to veto an extension of the relief effort to rebel-held Idlib.",
        "Russia threatened to veto the extension of relief efforts to rebel-held Idlib.",
        "Rebels in Idlib threatened Russia.",
    ),
    (
        "Details about military cooperation between the two countries are vaguer.",
        "Details of military cooperation between the two countries are less clear.",
        "The two countries announced new details.",
    ),
    (
        "The diplomat insisted that the American troop presence in Syria is illegal.",
        "The diplomat insisted that the presence of American troops in Syria was illegal.",
        "The diplomat welcomed the troops.",
    ),
    (
        "In the wide-ranging interview, Antonov blamed regional conflicts on attempts by Western countries to impose their vision of democracy.",
        "In a broad interview, Antonov blamed regional conflicts on the attempts of Western countries to impose their vision of democracy.",
        "Antonov praised Western countries for spreading democracy in the region during the interview.",
    ),
    (
        "The Syrian regime has threatened to retake these territories by force.",
        "The Syrian regime threatened to take these territories back by force.",
        "The Syrian regime has given up these territories.",
    ),
    (
        "The central bank raised its key interest rate by half a percentage point on Thursday.",
        "On Thursday the central bank raised the key rate by half a percentage point.",
        "The central bank kept rates steady and said it would wait.",
    ),
    (
        "Heavy rain caused flooding across the region, forcing thousands of people to leave their homes.",
        "Heavy rains caused floods throughout the region, forcing thousands of people to leave their homes.",
        "The region has been dry for months.",
    ),
    (
        "The minister said the government would present a new budget next month.",
        "The Minister said that the Government would submit a new budget next month.",
        "The minister resigned over the budget.",
    ),
    (
        "Officials warned that the outbreak could spread to neighbouring countries within weeks.",
        "Officials have warned that the epidemic could spread to neighbouring countries within a few weeks.",
        "Officials said the outbreak was over.",
    ),
    (
        "The company reported a sharp fall in profits after sales slowed in its main markets.",
        "The company reported a sharp decline in profit after sales slowed in its main markets.",
        "The company opened new stores in its main markets.",
    ),
    (
        "Protesters gathered outside parliament to demand an end to the new tax on fuel.",
        "Demonstrators gathered outside Parliament to demand the abolition of the new fuel tax.",
        "Parliament approved the new tax.",
    ),
    (
        "The two leaders agreed to meet again before the end of the year to continue the talks.",
        "The two leaders agreed to meet again before the end of the year to continue negotiations.",
        "The leaders ended the talks without agreement.",
    ),
    (
        "Rescue teams are still searching for survivors under the rubble of the collapsed building.",
        "Rescuers are still looking for survivors under the rubble of the collapsed building.",
        "The building was rebuilt last year.",
    ),
    (
        "The court ruled that the election results were valid and rejected the opposition's appeal.",
        "The court ruled that the results of the election were valid and dismissed the opposition's appeal.",
        "The court cancelled the election and ordered a new vote.",
    ),
    (
        "Scientists say the new vaccine protects against severe illness in most patients.",
        "According to scientists, the new vaccine protects most patients from severe disease.",
        "Scientists stopped testing the vaccine.",
    ),
    (
        "The ceasefire has largely held, although both sides accuse each other of violations.",
        "The ceasefire has been largely respected, although the parties accuse each other of violations.",
        "Fighting resumed after the ceasefire collapsed.",
    ),
    (
        "Oil prices rose after producers agreed to cut output for another three months.",
        "Oil prices rose after producers agreed to reduce production for another three months.",
        "Oil producers increased exports to Asia.",
    ),
    (
        "The United Nations said aid deliveries to the north had been suspended because of the fighting.",
        "The United Nations said that aid deliveries to the north had been halted due to the fighting.",
        "The United Nations sent more aid to the north.",
    ),
    (
        "Teachers across the country went on strike over pay and working conditions.",
        "Teachers throughout the country went on strike over salaries and working conditions.",
        "Teachers received a pay rise.",
    ),
    (
        "The government denied reports that it was planning to close the border.",
        "The government has denied reports that it plans to close the border.",
        "The government closed the border yesterday.",
    ),
    (
        "Police arrested several people after clashes broke out near the stadium.",
        "The police detained several people after clashes erupted near the stadium.",
        "The stadium was closed for repairs.",
    ),
    (
        "The report found that air pollution in the capital had fallen for the third year in a row.",
        "The report found that air pollution in the capital had decreased for the third consecutive year.",
        "The report says the capital is the most polluted city.",
    ),
    (
        "Farmers fear that the drought will destroy much of this year's harvest.",
        "Farmers fear that drought will destroy a large part of this year's harvest.",
        "Farmers expect a record harvest.",
    ),
    (
        "The opposition leader called for early elections after the coalition collapsed.",
        "The leader of the opposition called for early elections after the collapse of the coalition.",
        "The opposition joined the coalition.",
    ),
    (
        "Negotiators said progress had been made but that important differences remained.",
        "The negotiators said progress had been achieved but significant differences remained.",
        "Negotiators walked out of the meeting.",
    ),
    (
        "The airline cancelled hundreds of flights because of a strike by air traffic controllers.",
        "The airline cancelled hundreds of flights due to a strike by air traffic controllers.",
        "The airline bought new planes.",
    ),
    (
        "The president promised to rebuild the areas destroyed by the earthquake.",
        "The President promised to rebuild the areas destroyed by the earthquake.",
        "The president visited the capital.",
    ),
    (
        "Shares in technology companies fell sharply amid fears of tighter regulation.",
        "Shares of technology companies fell sharply amid fears of stricter regulation.",
        "Technology companies hired more workers.",
    ),
    (
        "The hospital said it was running out of fuel for its generators.",
        "The hospital said that fuel for its generators was running out.",
        "The hospital opened a new wing.",
    ),
    (
        "The army said it had regained control of the main road leading to the city.",
        "The army said that it had regained control of the main road to the city.",
        "The army left the city and the road.",
    ),
    (
        "Human rights groups warned that the new law could be used to silence journalists.",
        "Human rights organisations have warned that the new law could be used to silence journalists.",
        "Journalists welcomed the new law.",
    ),
    (
        "The ministry urged citizens to avoid all travel to the area until further notice.",
        "The ministry called on citizens to refrain from any travel to the area until further notice.",
        "Citizens travelled to the area.",
    ),
    (
        "Energy prices are expected to stay high throughout the winter, analysts said.",
        "Analysts said energy prices are expected to remain high throughout the winter.",
        "Energy prices are expected to fall sharply, analysts said, as the winter ends early this year.",
    ),
    (
        "Both sides accused each other of breaking the agreement signed last spring.",
        "Each side accused the other of violating the agreement signed last spring.",
        "Both sides signed a new agreement last spring to end the war and share the region's water.",
    ),
    # Freer rewordings, as a round trip through Arabic can make: the hardest faithful cases.
    (
        "Ambassador Antonov said the presence of US troops in Syria is illegal.",
        "Ambassador Antonov said that the American military presence in Syria was unlawful.",
        "Ambassador Antonov said the US troops in Syria were welcome.",
    ),
    (
        "The US sent troops to Syria in 2017 to assist Kurdish-led ground operations against the Islamic State group.",
        "In 2017, the United States dispatched forces to Syria to help Kurdish-led ground operations against the Islamic State.",
        "In 2017 the Islamic State group sent fighters against the Kurdish-led forces.",
    ),
    (
        "Russia has backed Bashar al-Assad since war broke out in 2011.",
        "Russia has supported Bashar al-Assad since the beginning of the war in 2011.",
        "Bashar al-Assad has opposed Russia since 2011.",
    ),
    (
        "The diplomat, however, insisted the occupation of almost one-third of the Syrian territory is unacceptable.",
        "However, the diplomat stressed that the occupation of nearly a third of Syrian land is unacceptable.",
        "The diplomat said a third of the territory was returned.",
    ),
    (
        "Officials warned that the disease could spread to neighbouring countries within weeks.",
        "Officials cautioned that the epidemic might reach nearby states in a matter of weeks.",
        "Officials said neighbouring countries had closed their hospitals.",
    ),
)


def scores() -> tuple[list[float], list[float]]:
    """The chrF of every faithful and of every unfaithful back-translation against its source."""
    from models.digest.checks import chrf

    return [chrf(good, source) for source, good, _ in PAIRS], [chrf(bad, source) for source, _, bad in PAIRS]


def _decile(values: list[float], which: int) -> float:
    return statistics.quantiles(values, n=10)[which - 1]


def main() -> None:
    from models.digest.checks import BACK_TRANSLATION_CHRF

    faithful, unfaithful = scores()
    print(f"{len(PAIRS)} pairs")
    print(f"faithful:   {min(faithful):.1f}-{max(faithful):.1f}, median {statistics.median(faithful):.1f}, lowest tenth under {_decile(faithful, 1):.1f}")
    print(f"unfaithful: {min(unfaithful):.1f}-{max(unfaithful):.1f}, median {statistics.median(unfaithful):.1f}, highest tenth over {_decile(unfaithful, 9):.1f}")
    for threshold in (30, 35, 40, 45, 50, 55):
        caught = sum(score < threshold for score in unfaithful)
        wrong = sum(score < threshold for score in faithful)
        mark = "  <- BACK_TRANSLATION_CHRF" if threshold == BACK_TRANSLATION_CHRF else ""
        print(f"under {threshold}: {caught}/{len(unfaithful)} unfaithful flagged, {wrong}/{len(faithful)} faithful flagged{mark}")


if __name__ == "__main__":
    main()
