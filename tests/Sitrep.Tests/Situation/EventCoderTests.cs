using Sitrep.Situation;

namespace Sitrep.Tests.Situation;

/// <summary>
/// Event typing on single sentences written for these tests: the first coded type is the sentence's
/// main event; negated, hypothetical, planned and historical mentions, accidents and disasters are
/// no new events; the lexicon is data an analyst can extend.
/// </summary>
public class EventCoderTests
{
    private static IReadOnlyList<StoryEvent> Events(string text, EventLexicon? lexicon = null, string published = "2024-03-12") =>
        Events([text], lexicon, published);

    private static IReadOnlyList<StoryEvent> Events(IReadOnlyList<string> documents, EventLexicon? lexicon = null, string published = "2024-03-12")
    {
        var analyzer = new StoryAnalyzer([new SentenceCollector(), new ActorMerger(), new EventCoder(lexicon ?? EventLexicon.Default), new EventCoreference()]);
        var docs = documents.Select((text, i) => MarkedText.Document($"d{i}", text, published)).ToList();
        return analyzer.Analyze("s", docs).Events;
    }

    private static string First(string text) => Events(text).FirstOrDefault()?.Type ?? "NONE";

    [Theory]
    [InlineData("Gunmen shot dead two police officers at a checkpoint outside the city on Monday.", "ASSAULT")]
    [InlineData("Two suicide bombers blew themselves up outside a police station, killing nine people.", "ASSAULT")]
    [InlineData("Heavy fighting broke out between the army and the rebels near the airport.", "ASSAULT")]
    [InlineData("Insurgents kidnapped four engineers working on the dam.", "ASSAULT")]
    [InlineData("Police arrested 30 people suspected of organising the riots.", "COERCE")]
    [InlineData("The authorities imposed a curfew on the northern districts.", "COERCE")]
    [InlineData("Thousands of nurses went on strike to demand higher wages.", "PROTEST")]
    [InlineData("Demonstrators marched to the presidential palace chanting slogans.", "PROTEST")]
    [InlineData("The two governments signed a trade agreement on Friday.", "AGREE")]
    [InlineData("The prime minister met with opposition leaders to discuss the budget.", "CONSULT")]
    [InlineData("The president praised the mediators for their patience.", "SUPPORT")]
    [InlineData("The government conceded that its soldiers had opened fire first.", "CONCEDE")]
    [InlineData("The two navies have cooperated closely on anti-piracy patrols.", "COOPERATE")]
    [InlineData("Japan donated ten ambulances to the provincial hospital.", "AID")]
    [InlineData("The militia withdrew its fighters from the hills above the town.", "RETREAT")]
    [InlineData("The union urged the government to reopen the border crossing.", "REQUEST")]
    [InlineData("The minister condemned the decision as a breach of the treaty.", "ACCUSE")]
    [InlineData("The parliament rejected the proposal by a large majority.", "REJECT")]
    [InlineData("The rebels threatened to cut the main road to the port.", "THREATEN")]
    [InlineData("The government imposed sanctions on three banks linked to the junta.", "SANCTION")]
    [InlineData("The army deployed troops and tanks along the eastern border.", "MOBILIZE")]
    [InlineData("Thousands of villagers fled their homes as the fighting spread.", "DISPLACE")]
    public void A_sentence_is_coded_with_its_main_event_first(string sentence, string type) =>
        First(sentence).ShouldBe(type);

    [Theory]
    [InlineData("The opposition accused the police of beating protesters in the square.", "ACCUSE")]
    [InlineData("The governor urged residents to stop attacking aid workers.", "REQUEST")]
    [InlineData("The rebels said they would release the hostages next week.", "AGREE")]
    [InlineData("The ministry said it would not meet the strikers' demands.", "REJECT")]
    [InlineData("The army will launch air strikes unless the militants surrender.", "THREATEN")]
    public void What_is_said_asked_promised_or_threatened_is_not_coded_as_done(string sentence, string type)
    {
        var events = Events(sentence);
        events[0].Type.ShouldBe(type);
        events.ShouldNotContain(e => e.Type == "ASSAULT");
    }

    [Theory]
    [InlineData("If talks collapse, the army may resume its offensive on the city.")]
    [InlineData("The rebels did not attack the convoy, the spokesman said.")]
    [InlineData("The massacre happened decades ago, in the early years of the war.")]
    [InlineData("The governor was born in 1961 in a fishing village on the coast.")]
    public void Hypothetical_negated_and_historical_mentions_are_no_events(string sentence) =>
        Events(sentence).ShouldBeEmpty();

    [Theory]
    [InlineData("A strong earthquake struck the province on Sunday, killing at least 30 people.")]
    [InlineData("Flash floods after torrential rain killed 14 people and injured dozens more.")]
    [InlineData("A gas explosion at a fertiliser factory killed five workers.")]
    [InlineData("Three people died when a minibus collided with a lorry near the bridge.")]
    [InlineData("A blaze tore through the market overnight, killing two traders.")]
    [InlineData("The hurricane hit the islands on Friday, destroying hundreds of homes.")]
    [InlineData("A hunter was shot dead when his companion's rifle accidentally went off.")]
    [InlineData("A man was wounded in the leg while hunting deer with his brother on Saturday.")]
    public void Accidents_and_disasters_are_no_assaults(string sentence) =>
        Events(sentence).ShouldNotContain(e => e.Type == "ASSAULT");

    [Fact]
    public void An_accident_stated_once_makes_the_documents_other_mentions_the_same_accident()
    {
        var events = Events(
            ["A 12-year-old boy was shot in the leg at his home on Saturday. " +
             "Police said the handgun went off while his older brother was showing it to a friend. " +
             "The boy was shot from less than a metre away, the sheriff said."]);
        events.ShouldNotContain(e => e.Type == "ASSAULT");
    }

    [Theory]
    [InlineData("Neighbors said they first took the shots for fireworks, which had been going off in the area all week.")]
    [InlineData("The second victim was treated for a wound to the arm and discharged from the hospital on Friday.")]
    [InlineData("Both men targeted on Saturday often came by the shop after school to play with the owner's dog.")]
    [InlineData("Officers were still hunting for the gunman who fired the shots on Sunday.")]
    public void Fireworks_going_off_patients_discharged_and_play_far_from_the_shooting_make_no_accident(string aside)
    {
        var events = Events(["Two men were shot outside a nightclub on Main Street late Saturday, police said. " + aside]);
        events.ShouldContain(e => e.Type == "ASSAULT");
    }

    [Fact]
    public void A_shooting_under_investigation_is_reported_and_one_a_charge_refers_to_is_no_record_alone()
    {
        Events("Police are investigating a shooting that left two men dead on Main Street on Saturday.")
            .ShouldContain(e => e.Type == "ASSAULT");
        Events("A 19-year-old man was charged Tuesday with murder in the shooting of a woman outside her home.")
            .ShouldNotContain(e => e.Type == "ASSAULT");
    }

    [Fact]
    public void Word_forms_are_matched_by_their_lemma()
    {
        First("Government troops fought the rebels for three days.").ShouldBe("ASSAULT");
        First("The rebels expelled government soldiers from the town.").ShouldBe("ASSAULT");
        Events("The rebels seized the town of Kamba after a night of fighting.")[0].Mode.ShouldBe("territory-captured");
        Events("Warplanes pounded rebel positions in the hills.")[0].Mode.ShouldBe("aerial");
        First("The killings sparked protests in the capital.").ShouldBe("ASSAULT");
    }

    [Fact]
    public void Names_and_nouns_modifying_nouns_are_no_triggers()
    {
        Events("The report was published in March by the statistics office.").ShouldBeEmpty();
        Events("Border patrol agents checked the documents of every passenger.").ShouldBeEmpty();
    }

    [Fact]
    public void Force_against_protesters_is_coded_as_the_protest_first()
    {
        var events = Events("Riot police fired tear gas at demonstrators outside the ministry.");
        events[0].Type.ShouldBe("PROTEST");
        events.ShouldContain(e => e.Type == "COERCE");
    }

    [Fact]
    public void An_analyst_adds_a_trigger_and_a_type_in_the_data_file_without_code()
    {
        const string sentence = "A submarine torpedoed the frigate off the coast, the navy said.";
        Events(sentence).ShouldNotContain(e => e.Mode == "naval");

        var lexicon = EventLexicon.Parse(new StringReader("""
            @ASSAULT	veto=accident
            ASSAULT	naval	-	torpedo
            @CYBER	intended=THREATEN
            CYBER	-	-	hack into|ransomware
            """), new StringReader("accident\tstorm\nintent\twill|plan to\n"));
        var naval = Events(sentence, lexicon).ShouldHaveSingleItem();
        naval.Type.ShouldBe("ASSAULT");
        naval.Mode.ShouldBe("naval");
        Events("Hackers hacked into the ministry's mail server on Sunday.", lexicon).ShouldHaveSingleItem().Type.ShouldBe("CYBER");
        Events("The group will hack into the ministry's servers.", lexicon).ShouldHaveSingleItem().Type.ShouldBe("THREATEN");
    }

    [Fact]
    public void A_malformed_lexicon_row_names_its_line()
    {
        var error = Should.Throw<InvalidDataException>(() => EventLexicon.Parse(new StringReader("# comment\nASSAULT\tattack\tstrike\n"), new StringReader("")));
        error.Message.ShouldStartWith("events.tsv:2:");
    }
}
