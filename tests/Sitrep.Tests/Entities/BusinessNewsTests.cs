using Sitrep.Composition;
using Sitrep.Entities;
using Sitrep.Text;

namespace Sitrep.Tests.Entities;

/// <summary>Business news (issue 19): companies in headlines and at sentence starts, currency and time-zone words.</summary>
public class BusinessNewsTests
{
    private static readonly Lazy<Document> Results = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "business", "chipmaker-results.txt");
        // The entity steps over the whole text: the text stage takes a plain-text headline for the title.
        var document = new Document("chipmaker", new SourceLocation(path)) { Text = File.ReadAllText(path), TextIsInput = true };
        new Pipeline([new SentenceSplitter(), new EntityRecognizer()]).Process(document);
        return document;
    });

    private static List<(string Text, string Type)> Entities => [.. Results.Value.Entities.Select(e => (e.Text, e.Type.Code()))];

    [Fact]
    public void A_company_in_a_title_case_headline_is_an_organisation_as_in_the_body()
    {
        var headline = Results.Value.Text[..Results.Value.Text.IndexOf('\n')];
        var inHeadline = Results.Value.Entities.Where(e => e.End <= headline.Length).Select(e => (e.Text, e.Type.Code())).ToList();
        inHeadline.ShouldContain(("Halvorsen Semiconductor", "ORG"));
        inHeadline.ShouldAllBe(e => e.Item2 == "ORG", string.Join(", ", inHeadline));
    }

    [Fact]
    public void A_company_is_typed_alike_at_a_sentence_start_and_inside_a_sentence()
    {
        // One type for both mentions (the tagger still reads this one as a person: issue 19).
        Entities.Where(e => e.Text == "Baywater Systems").Select(e => e.Type).Distinct().ShouldHaveSingleItem();
        Entities.Count(e => e.Text == "Baywater Systems").ShouldBe(2);
    }

    [Fact]
    public void Companies_people_and_places_of_the_body_are_typed()
    {
        Entities.ShouldContain(("Ingrid Moe", "PER"));
        Entities.ShouldContain(("Kestrel Microdevices", "ORG"));
        Entities.ShouldContain(("Lindqvist Analytics", "ORG"));
        Entities.ShouldContain(("Singapore", "LOC"));
        Entities.ShouldNotContain(e => e.Text == "Halvorsen" && e.Type != "ORG");
    }
}
