using Sitrep.Composition;
using System.Text;
using Sitrep.Entities;
using Sitrep.Text;

namespace Sitrep.Tests.Entities;

public class EntityRecognizerTests
{
    private static Document Annotate(string text)
    {
        var document = new Document("d1", new SourceLocation("d1.txt")) { Text = text, TextIsInput = true };
        new Pipeline([new SentenceSplitter(), new EntityRecognizer(), new EntityCanonicalizer()]).Process(document);
        return document;
    }

    [Fact]
    public void The_shipped_tagger_finds_people_organisations_and_places_with_exact_offsets()
    {
        const string text = "KHARTOUM (Reuters) - Sudan's army chief Abdel Fattah al-Burhan met United Nations envoy Ramtane Lamamra " +
                            "in Port Sudan on Tuesday, the Foreign Ministry said.\n\nBurhan later flew to Cairo.";
        var entities = Annotate(text).Entities;
        foreach (var e in entities) text[e.Start..e.End].ShouldBe(e.Text);
        var found = entities.Select(e => (e.Text, e.Type.Code())).ToList();
        found.ShouldContain(("Abdel Fattah al-Burhan", "PER"));
        found.ShouldContain(("Ramtane Lamamra", "PER"));
        found.ShouldContain(("Port Sudan", "LOC"));
        found.ShouldContain(("Cairo", "LOC"));
        found.ShouldContain(("Reuters", "ORG"));
        entities.Single(e => e.Text == "Burhan").Canonical.ShouldBe("Abdel Fattah al-Burhan");
        found.ShouldNotContain(e => e.Text == "Tuesday");
    }

    [Fact]
    public void A_name_defined_by_an_acronym_is_one_entity_and_the_acronym_means_it_throughout()
    {
        const string text = "Thousands fled the town overnight, the Danish Refugee Council (DRC) said on Tuesday.\n\n"
                            + "The DRC said its teams had registered 4,000 new arrivals in two days.";
        var entities = Annotate(text).Entities;
        entities.ShouldContain(e => e.Text == "Danish Refugee Council" && e.Type == EntityType.Organization);
        entities.ShouldNotContain(e => e.Text == "Danish");
        entities.Where(e => e.Text == "DRC").ShouldAllBe(e => e.Type == EntityType.Organization && e.Canonical == "Danish Refugee Council");
    }

    [Fact]
    public void A_dateline_agency_in_parentheses_is_no_acronym_definition()
    {
        var entities = Annotate("GENEVA (Reuters) - The Norwegian Refugee Council said on Monday that aid convoys were blocked.").Entities;
        entities.ShouldContain(e => e.Text == "Reuters" && e.Type == EntityType.Organization);
    }

    [Fact]
    public void A_title_case_headline_is_not_taken_for_one_long_name()
    {
        const string text = "Sudan Army Says It Retook Presidential Palace From Paramilitary Forces\n\n" +
                            "Sudan's army said on Friday it had retaken the presidential palace in Khartoum from the paramilitary forces.";
        var entities = Annotate(text).Entities;
        entities.ShouldAllBe(e => e.Text.Split(' ', StringSplitOptions.None).Length <= 2);
        entities.Count(e => e.Text == "Sudan" && e.Type == EntityType.Location).ShouldBe(2);
    }

    [Fact]
    public void A_model_survives_a_write_and_read_round_trip()
    {
        var stream = new MemoryStream();
        EntityModel.Shipped.Write(stream);
        stream.Position = 0;
        var copy = EntityModel.Read(stream);
        const string text = "Protesters gathered outside the Egyptian embassy in Amman on Friday.";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = Tokenizer.SplitSentences(text, tokens);
        copy.Tag(text, tokens, sentences, EntityGazetteer.Shipped)
            .ShouldBe(EntityModel.Shipped.Tag(text, tokens, sentences, EntityGazetteer.Shipped));
    }

    [Fact]
    public void Training_on_a_tiny_corpus_learns_its_names_and_is_reproducible()
    {
        var corpus = new StringBuilder();
        for (int copy = 0; copy < 20; copy++)
        {
            corpus.AppendLine("-DOCSTART- -X- -X- O\n");
            corpus.AppendLine("Amina NNP I-NP I-PER\nYusuf NNP I-NP I-PER\nvisited VBD I-VP O\nKassala NNP I-NP I-LOC\n. . O O\n");
            corpus.AppendLine("The DT I-NP O\nRed NNP I-NP I-ORG\nCrescent NNP I-NP I-ORG\nhelped VBD I-VP O\nthem PRP I-NP O\n. . O O\n");
        }
        var path = Path.GetTempFileName();
        File.WriteAllText(path, corpus.ToString());
        try
        {
            var first = new EntityTrainer(bits: 12, epochs: 3).Train(path, null, TextWriter.Null);
            var second = new EntityTrainer(bits: 12, epochs: 3).Train(path, null, TextWriter.Null);
            var a = new MemoryStream();
            var b = new MemoryStream();
            first.Write(a);
            second.Write(b);
            a.ToArray().ShouldBe(b.ToArray());
            var document = new Document("t", new SourceLocation("t.txt")) { Text = "Amina Yusuf visited Kassala ." };
            new EntityRecognizer(first).Process(document);
            document.Entities.Select(e => (e.Text, e.Type.Code())).ShouldBe([("Amina Yusuf", "PER"), ("Kassala", "LOC")]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
