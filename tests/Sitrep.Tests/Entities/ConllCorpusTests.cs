using Sitrep.Entities;

namespace Sitrep.Tests.Entities;

public class ConllCorpusTests
{
    private static List<LabelledDocument> Read(string content)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, content);
        try { return ConllCorpus.Read(path); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Iob1_tags_become_entity_spans_with_a_new_entity_where_the_type_changes_or_B_says_so_and_DOCSTART_ends_a_document()
    {
        var documents = Read("""
            Kassala NNP I-NP I-LOC
            State NNP I-NP I-LOC
            Nile NNP I-NP I-ORG
            Bank NNP I-NP I-ORG
            Amina NNP I-NP I-PER
            Yusuf NNP I-NP B-PER
            said VBD I-VP O

            -DOCSTART- -X- -X- O

            Jaish NNP I-NP I-ORG
            al-Adl NNP I-NP I-ORG

            """);
        documents.Count.ShouldBe(2);
        var doc = documents[0];
        doc.Text.ShouldBe("Kassala State Nile Bank Amina Yusuf said");
        doc.Sentences.ShouldBe([new Sentence(0, 7)]);
        EntityRecognizer.Spans(doc.Labels).ShouldBe([(0, 2, 3), (2, 4, 2), (4, 5, 1), (5, 6, 1)]);
        documents[1].Text.ShouldBe("Jaish al-Adl");
        EntityRecognizer.Spans(documents[1].Labels).ShouldBe([(0, 2, 2)]);
    }

    [Fact]
    public void An_unknown_tag_is_reported_with_file_and_line()
    {
        var error = Should.Throw<InvalidDataException>(() => Read("Khartoum NNP I-NP I-CITY\n"));
        error.Message.ShouldEndWith(":1: unknown tag I-CITY");
    }
}
