using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Finds the named entities of a document (PER, ORG, LOC, MISC) with the shipped tagger, over the
/// tokens and sentences of the text stage.
/// </summary>
public sealed class EntityRecognizer(EntityModel? model = null, EntityGazetteer? gazetteer = null) : IDocumentStep
{
    private readonly SentenceSplitter _splitter = new();

    // The shipped model loads in the background from the moment the pipeline is built, while the
    // steps after this one load their own data.
    private readonly Task _loading = model is null ? Task.Run(() => (EntityModel.Shipped, EntityGazetteer.Shipped)) : Task.CompletedTask;

    public void Process(Document document)
    {
        _splitter.Process(document);
        var labels = (model ?? EntityModel.Shipped).Tag(document.Text, document.Tokens, document.Sentences, gazetteer ?? EntityGazetteer.Shipped);
        WidenToDefinitions(document.Text, document.Tokens, labels);
        foreach (var (first, end, type) in Spans(labels))
        {
            int start = document.Tokens[first].Start, stop = document.Tokens[end - 1].End;
            document.Entities.Add(new EntityMention(start, stop, document.Text[start..stop], (EntityType)(type - 1)));
        }
    }

    /// <summary>
    /// A name the text defines with an acronym in parentheses is one entity as far back as the acronym's
    /// letters reach (Schwartz and Hearst's definition pattern): "Danish Refugee Council (DRC)" spells
    /// D-R-C, so a tagger's "Danish" + "Refugee Council" becomes one name, typed as its head (the last
    /// part), and the acronym gets that type too.
    /// </summary>
    internal static void WidenToDefinitions(string text, IReadOnlyList<Token> tokens, byte[] labels)
    {
        for (int end = 1; end + 2 < labels.Length; end++)
        {
            int type = EntityLabels.TypeOf(labels[end - 1]);
            if (type == 0 || EntityLabels.TypeOf(labels[end]) == type && !EntityLabels.IsBegin(labels[end])) continue;
            if (!Is(text, tokens[end], "(") || !Is(text, tokens[end + 2], ")")) continue;
            var acronym = text.AsSpan(tokens[end + 1].Start, tokens[end + 1].End - tokens[end + 1].Start);
            if (acronym.Length is < 2 or > 7 || acronym.ContainsAnyExcept(UpperCase)) continue;
            if (DefinitionStart(text, tokens, end, acronym) is not int first) continue;
            int head = end - 1;
            while (head > 0 && !EntityLabels.IsBegin(labels[head])) head--;
            if (first >= head) continue;
            labels[first] = EntityLabels.Begin(type);
            for (int i = first + 1; i < end; i++) labels[i] = (byte)(EntityLabels.Begin(type) + 1);
            labels[end + 1] = EntityLabels.Begin(type);
        }
    }

    private static readonly System.Buffers.SearchValues<char> UpperCase = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly HashSet<string> DefinitionGlue = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "for", "and", "on", "in", "&", "de", "-" };

    /// <summary>The first token of the capitalised words before <paramref name="end"/> whose initials spell the acronym, if any.</summary>
    private static int? DefinitionStart(string text, IReadOnlyList<Token> tokens, int end, ReadOnlySpan<char> acronym)
    {
        int letter = acronym.Length - 1;
        for (int i = end - 1; i >= 0 && end - i <= acronym.Length + 4; i--)
        {
            var word = text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);
            if (!char.IsUpper(word[0]))
            {
                if (DefinitionGlue.Contains(word.ToString()) && letter < acronym.Length - 1) continue;
                return null;
            }
            if (word[0] != acronym[letter]) return null;
            if (--letter < 0) return i;
        }
        return null;
    }

    private static bool Is(string text, Token token, string s) => text.AsSpan(token.Start, token.End - token.Start).SequenceEqual(s);

    /// <summary>Token ranges [first, end) and types (1-based) of the entities in a BIO label sequence.</summary>
    internal static IEnumerable<(int First, int End, int Type)> Spans(byte[] labels)
    {
        int i = 0;
        while (i < labels.Length)
        {
            int type = EntityLabels.TypeOf(labels[i]);
            if (type == 0) { i++; continue; }
            int first = i++;
            while (i < labels.Length && labels[i] == EntityLabels.Begin(type) + 1) i++;
            yield return (first, i, type);
        }
    }
}
