using System.Text;

namespace Sitrep.Entities;

/// <summary>A labelled document for training or evaluation: tokens joined by spaces, one sentence per line.</summary>
internal sealed record LabelledDocument(string Text, List<Token> Tokens, List<Sentence> Sentences, byte[] Labels);

/// <summary>
/// Reads CoNLL-2003 column files ("token POS chunk NER", IOB1, blank line between sentences,
/// -DOCSTART- between documents). Only the token and NER columns are used: real text has no
/// part-of-speech or chunk tags. IOB1 is converted to BIO.
/// </summary>
public static class ConllCorpus
{
    /// <summary>The documents' texts: tokens joined by spaces, one sentence per line.</summary>
    public static IEnumerable<string> Texts(string path) => Read(path).Select(d => d.Text);

    internal static List<LabelledDocument> Read(string path)
    {
        var documents = new List<LabelledDocument>();
        var text = new StringBuilder();
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        var labels = new List<byte>();
        int sentenceStart = 0, lineNumber = 0;

        void EndSentence()
        {
            if (tokens.Count > sentenceStart) sentences.Add(new Sentence(sentenceStart, tokens.Count - sentenceStart));
            sentenceStart = tokens.Count;
        }
        void EndDocument()
        {
            EndSentence();
            if (tokens.Count > 0) documents.Add(new LabelledDocument(text.ToString(), [.. tokens], [.. sentences], [.. labels]));
            text.Clear();
            tokens.Clear();
            sentences.Clear();
            labels.Clear();
            sentenceStart = 0;
        }

        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0) { EndSentence(); continue; }
            var columns = line.Split(' ');
            if (columns[0] == "-DOCSTART-") { EndDocument(); continue; }
            if (columns.Length < 2) throw new InvalidDataException($"{path}:{lineNumber}: expected 'token ... NER'");
            if (text.Length > 0) text.Append(tokens.Count == sentenceStart ? '\n' : ' ');
            int start = text.Length;
            text.Append(columns[0]);
            tokens.Add(new Token(start, text.Length, TokenKind.Word));
            labels.Add(Label(columns[^1], tokens.Count > sentenceStart + 1 ? labels[^1] : (byte)0, path, lineNumber));
        }
        EndDocument();
        return documents;
    }

    private static byte Label(string tag, byte previous, string path, int line)
    {
        if (tag == "O") return 0;
        int type = Array.IndexOf(EntityLabels.Types, tag.Length > 2 ? tag[2..] : "") + 1;
        if (type == 0 || tag[1] != '-' || tag[0] is not ('B' or 'I')) throw new InvalidDataException($"{path}:{line}: unknown tag {tag}");
        bool continues = tag[0] == 'I' && previous != 0 && EntityLabels.TypeOf(previous) == type;
        return (byte)(EntityLabels.Begin(type) + (continues ? 1 : 0));
    }
}
