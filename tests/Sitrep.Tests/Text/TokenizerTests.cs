using Sitrep.Text;

namespace Sitrep.Tests.Text;

public class TokenizerTests
{
    private static string[] Tokens(string text) => Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToArray();

    private static string[] Sentences(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return Tokenizer.SplitSentences(text, tokens)
            .Select(s => text[tokens[s.FirstToken].Start..tokens[s.EndToken - 1].End]).ToArray();
    }

    [Fact]
    public void Punctuation_quotes_and_possessives_come_off_words_but_abbreviations_keep_their_periods()
    {
        Tokens("\"We will not retreat,\" Gen. Abdel Fattah al-Burhan told the U.S. envoy's team (in Port Sudan).")
            .ShouldBe(["\"", "We", "will", "not", "retreat", ",", "\"", "Gen.", "Abdel", "Fattah", "al-Burhan", "told", "the",
                       "U.S.", "envoy", "'s", "team", "(", "in", "Port", "Sudan", ")", "."]);
    }

    [Fact]
    public void Hyphenated_names_numbers_dates_urls_and_emails_stay_whole()
    {
        Tokens("Jaish al-Adl claimed the attack on 2024-01-16 at 10:30; 1,250 people fled. See https://example.org/report?id=7, or write to desk@example.org.")
            .ShouldBe(["Jaish", "al-Adl", "claimed", "the", "attack", "on", "2024-01-16", "at", "10:30", ";", "1,250", "people", "fled", ".",
                       "See", "https://example.org/report?id=7", ",", "or", "write", "to", "desk@example.org", "."]);
    }

    [Fact]
    public void Token_kinds_and_offsets_are_exact_in_utf16()
    {
        const string text = "Ça va: 3 killed in Al-Fāshir 🙂 today";
        var tokens = Tokenizer.Tokenize(text);
        tokens.Select(t => text[t.Start..t.End]).ShouldBe(["Ça", "va", ":", "3", "killed", "in", "Al-Fāshir", "🙂", "today"]);
        tokens[3].Kind.ShouldBe(TokenKind.Number);
        tokens[2].Kind.ShouldBe(TokenKind.Punctuation);
        text[tokens[^1].Start..].ShouldBe("today");
    }

    [Fact]
    public void Contractions_and_dashes_split_like_news_treebanks()
    {
        Tokens("They don't know—nobody does... It's Reuters' count.")
            .ShouldBe(["They", "do", "n't", "know", "—", "nobody", "does", "...", "It", "'s", "Reuters", "'", "count", "."]);
    }

    [Fact]
    public void Sentences_end_at_terminal_punctuation_but_not_after_titles_initials_or_dates()
    {
        Sentences("Lt. Col. John F. Smith arrived on Dec. 5 in the U.S. capital. \"He left,\" officials said. Fighting went on! Was it over? No.")
            .ShouldBe(["Lt. Col. John F. Smith arrived on Dec. 5 in the U.S. capital.", "\"He left,\" officials said.", "Fighting went on!",
                       "Was it over?", "No."]);
    }

    [Fact]
    public void An_abbreviation_ends_a_sentence_before_a_typical_opener_and_a_line_break_ends_a_headline()
    {
        Sentences("Sudan talks resume\nThe envoy flew to the U.S. The talks begin Monday.")
            .ShouldBe(["Sudan talks resume", "The envoy flew to the U.S.", "The talks begin Monday."]);
    }

    [Fact]
    public void The_step_fills_the_documents_tokens_and_sentences_within_its_body()
    {
        var document = new Document("d1", new SourceLocation("d1.txt")) { Text = "  RSF drones hit Port Sudan. Flights stopped.\n" };
        new TextLayout().Process(document);
        new SentenceSplitter().Process(document);
        document.Tokens.Count.ShouldBe(9);
        document.Sentences.ShouldBe([new Sentence(0, 6), new Sentence(6, 3)]);
        document.Tokens[0].Start.ShouldBe(2);
    }
}
