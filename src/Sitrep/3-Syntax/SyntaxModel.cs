using System.IO.Compression;

namespace Sitrep.Syntax;

/// <summary>
/// The trained syntax models: tagger, lexicon (lemmas and features) and parser, each a gzip file built
/// into the engine (src/Sitrep/3-Syntax/Data) and loaded on first use, the three in parallel.
/// </summary>
public sealed class SyntaxModel
{
    public const string TaggerFile = "tagger.bin.gz", LexiconFile = "lexicon.bin.gz", ParserFile = "parser.bin.gz";
    private const string Magic = "SITREP-SYNTAX-1";

    private readonly Lazy<DependencyParser> _parser;

    internal SyntaxModel(PosTagger tagger, Lexicon lexicon, DependencyParser parser) : this(tagger, lexicon, new Lazy<DependencyParser>(parser)) { }

    private SyntaxModel(PosTagger tagger, Lexicon lexicon, Lazy<DependencyParser> parser)
    {
        Tagger = tagger;
        Lexicon = lexicon;
        _parser = parser;
    }

    internal PosTagger Tagger { get; }
    public Lexicon Lexicon { get; }

    /// <summary>The parser, loaded when first needed (tagging and lemmas do without it).</summary>
    internal DependencyParser Parser => _parser.Value;

    /// <summary>Bytes of weights and tables in memory.</summary>
    public long WeightBytes => Tagger.Weights.SizeInBytes + Parser.Transitions.SizeInBytes + Parser.LabelWeights.SizeInBytes;

    /// <summary>Bytes of the shipped model files (gzip) as built into the engine.</summary>
    public long FileBytes => new[] { TaggerFile, LexiconFile, ParserFile }.Sum(file =>
    {
        using var stream = DataFiles.Open("Syntax", file);
        return stream.Length;
    });

    private static readonly Lazy<SyntaxModel> ShippedModel = new(() =>
    {
        var tagger = Task.Run(() => Load(TaggerFile, PosTagger.Read));
        var parser = Task.Run(() => Load(ParserFile, DependencyParser.Read));
        var lexicon = Load(LexiconFile, Lexicon.Read);
        return new SyntaxModel(tagger.Result, lexicon, new Lazy<DependencyParser>(() => parser.Result));
    });

    /// <summary>The models built into the engine, loaded on first use.</summary>
    public static SyntaxModel Shipped => ShippedModel.Value;

    private static T Load<T>(string file, Func<BinaryReader, T> read)
    {
        using var stream = DataFiles.Open("Syntax", file);
        return Read(stream, read);
    }

    private static T Read<T>(Stream stream, Func<BinaryReader, T> read)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        if (reader.ReadString() != Magic) throw new InvalidDataException("not a Sitrep syntax model");
        return read(reader);
    }

    /// <summary>Writes the three model files into a folder.</summary>
    /// <summary>
    /// A Title Case headline ("Militants Attack Army Base") as the treebanks write sentences: capitalised
    /// words whose lower-case form is a common word are read in lower case; names stay as written.
    /// </summary>
    private WordKeys[] Truecase(ReadOnlySpan<WordKeys> keys, WordAt word)
    {
        var cased = keys.ToArray();
        Span<char> lower = stackalloc char[64];
        for (int i = 0; i < cased.Length; i++)
        {
            var w = word(i);
            bool titleCase = cased[i].Capitalised && (w.Length == 1 || !char.IsUpper(w[1]));
            if (!titleCase || w.Length > lower.Length || !Tagger.IsCommonWord(cased[i].Lower)) continue;
            w.ToLowerInvariant(lower);
            cased[i] = WordKeys.Of(lower[..w.Length]);
        }
        return cased;
    }

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        Write(Path.Combine(folder, TaggerFile), Tagger.Write);
        Write(Path.Combine(folder, LexiconFile), Lexicon.Write);
        Write(Path.Combine(folder, ParserFile), Parser.Write);
    }

    private static void Write(string path, Action<BinaryWriter> write)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        write(writer);
    }

    /// <summary>Reads the three model files from a folder.</summary>
    public static SyntaxModel Read(string folder)
    {
        T One<T>(string file, Func<BinaryReader, T> read)
        {
            using var stream = File.OpenRead(Path.Combine(folder, file));
            return Read(stream, read);
        }
        return new SyntaxModel(One(TaggerFile, PosTagger.Read), One(LexiconFile, Lexicon.Read), One(ParserFile, DependencyParser.Read));
    }

    /// <summary>Tags, lemmatises and parses one tokenized sentence.</summary>
    public SyntaxAnalysis Parse(IReadOnlyList<string> words) => Analyze(words, parse: true);

    /// <summary>Tags and lemmatises one tokenized sentence (no tree: every head is -1).</summary>
    public SyntaxAnalysis Tag(IReadOnlyList<string> words) => Analyze(words, parse: false);

    private SyntaxAnalysis Analyze(IReadOnlyList<string> words, bool parse)
    {
        var keys = new WordKeys[words.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = WordKeys.Of(words[i]);
        var result = new SyntaxAnalysis(words.Count);
        Fill(keys, i => words[i].AsSpan(), result, 0, parse);
        return result;
    }

    internal delegate ReadOnlySpan<char> WordAt(int index);

    /// <summary>Fills <paramref name="target"/>'s entries [offset, offset + n) for the sentence's words.</summary>
    internal void Fill(ReadOnlySpan<WordKeys> keys, WordAt word, SyntaxAnalysis target, int offset, bool parse)
    {
        int n = keys.Length;
        target.SetSentence(offset, offset + n);
        if (PosTagger.IsHeadline(keys)) keys = Truecase(keys, word);
        Span<byte> classes = n <= 512 ? stackalloc byte[n] : new byte[n];
        Tagger.Tag(keys, classes);
        for (int i = 0; i < n; i++)
        {
            string upos = Tagger.Upos[classes[i]], xpos = Tagger.Xpos[classes[i]];
            target.Upos[offset + i] = UdTags.Parse(upos);
            target.Xpos[offset + i] = xpos;
            target.Lemmas[offset + i] = Lexicon.Lemma(word(i), xpos);
            target.Features[offset + i] = Lexicon.Features(word(i), upos, xpos);
        }
        if (!parse) return;
        Span<int> heads = n <= 512 ? stackalloc int[n] : new int[n];
        Span<byte> labels = n <= 512 ? stackalloc byte[n] : new byte[n];
        Parser.Parse(keys, classes, heads, labels);
        for (int i = 0; i < n; i++)
        {
            target.Heads[offset + i] = heads[i] == 0 ? -1 : offset + heads[i] - 1;
            string relation = Parser.Relations[labels[i]];
            target.Labels[offset + i] = relation;
            target.Relations[offset + i] = UdTags.Relation(relation);
        }
    }
}
