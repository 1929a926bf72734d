using System.IO.Compression;

namespace Sitrep.Syntax;

/// <summary>One sentence of a Universal Dependencies treebank: its syntactic words and their gold annotation.</summary>
public sealed record UdSentence(string Id, string[] Forms, string[] Lemmas, string[] Upos, string[] Xpos, string[] Feats, int[] Heads, string[] Relations)
{
    public int Length => Forms.Length;
}

/// <summary>
/// Reads CoNLL-U (plain or gzip): the word lines of each sentence, multiword token lines and empty
/// nodes skipped, so the words are the syntactic words the tagger and parser see.
/// </summary>
public static class UdCorpus
{
    public static List<UdSentence> Read(string path)
    {
        using var file = File.OpenRead(path);
        Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var sentences = new List<UdSentence>();
        var words = new List<string[]>();
        string id = "";
        int lineNumber = 0;
        void End()
        {
            if (words.Count == 0) return;
            sentences.Add(new UdSentence(id.Length > 0 ? id : $"s{sentences.Count + 1}",
                [.. words.Select(w => w[1])], [.. words.Select(w => w[2])], [.. words.Select(w => w[3])], [.. words.Select(w => w[4])],
                [.. words.Select(w => w[5])], [.. words.Select(w => int.Parse(w[6]))], [.. words.Select(w => w[7])]));
            words.Clear();
            id = "";
        }
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) { End(); continue; }
            if (line[0] == '#')
            {
                if (line.StartsWith("# sent_id = ", StringComparison.Ordinal)) id = line[12..];
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length != 10) throw new InvalidDataException($"{path}:{lineNumber}: expected 10 tab-separated columns");
            if (columns[0].Contains('-') || columns[0].Contains('.')) continue;
            words.Add(columns);
        }
        End();
        return sentences;
    }
}
