using System.Text.Json;

namespace Sitrep.Tests.Syntax;

/// <summary><c>sitrep parse</c> as CONTRACT.md specifies it: pre-tokenized records token for token, raw text with offsets.</summary>
public class ParseCommandTests : TestFolder
{
    private List<JsonElement> Parse(string jsonLines)
    {
        var input = Path.Combine(Folder, "in.jsonl");
        File.WriteAllText(input, jsonLines);
        using var process = CliProcess.Start("parse", input);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    [Fact]
    public void A_pretokenized_record_gets_one_token_per_input_token_with_one_root()
    {
        var record = Parse("""{"id": "s1", "tokens": ["The", "rebels", "did", "n't", "retreat", "from", "al-Fashir", "."]}""" + "\n").Single();
        record.GetProperty("id").GetString().ShouldBe("s1");
        var tokens = record.GetProperty("tokens").EnumerateArray().ToList();
        tokens.Select(t => t.GetProperty("form").GetString()).ShouldBe(["The", "rebels", "did", "n't", "retreat", "from", "al-Fashir", "."]);
        tokens.Count(t => t.GetProperty("head").GetInt32() == 0).ShouldBe(1);
        tokens[4].GetProperty("deprel").GetString().ShouldBe("root");
        tokens[1].GetProperty("deprel").GetString().ShouldBe("nsubj");
        tokens[3].GetProperty("lemma").GetString().ShouldBe("not");
        tokens[1].GetProperty("feats").GetString().ShouldBe("Number=Plur");
        tokens[0].TryGetProperty("start", out _).ShouldBeFalse();
    }

    [Fact]
    public void Raw_text_is_split_into_sentences_and_the_parts_of_a_contraction_share_its_span()
    {
        const string text = "The rebels didn't retreat. Troops shelled the town on Monday.";
        var record = Parse(JsonSerializer.Serialize(new { id = "d1", text }) + "\n").Single();
        var sentences = record.GetProperty("sentences").EnumerateArray().ToList();
        sentences.Count.ShouldBe(2);
        sentences[1].GetProperty("start").GetInt32().ShouldBe(text.IndexOf("Troops", StringComparison.Ordinal));
        var first = sentences[0].GetProperty("tokens").EnumerateArray().ToList();
        first.Select(t => t.GetProperty("form").GetString()).ShouldBe(["The", "rebels", "did", "n't", "retreat", "."]);
        int didnt = text.IndexOf("didn't", StringComparison.Ordinal);
        foreach (var part in first.Skip(2).Take(2))
        {
            part.GetProperty("start").GetInt32().ShouldBe(didnt);
            part.GetProperty("end").GetInt32().ShouldBe(didnt + "didn't".Length);
        }
        first[1].GetProperty("start").GetInt32().ShouldBe(4);
        first[1].GetProperty("end").GetInt32().ShouldBe(10);
    }
}
