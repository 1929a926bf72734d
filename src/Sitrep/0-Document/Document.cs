namespace Sitrep;

/// <summary>
/// One article as it flows through the pipeline. Ingest creates it, each later stage reads it and
/// adds its own part (text layout, entities, places, times), never rewriting what an earlier stage
/// wrote. Every character offset in an annotation refers to <see cref="Text"/>.
/// </summary>
public sealed class Document
{
    public Document(string id, SourceLocation source)
    {
        Id = id;
        Source = source;
    }

    /// <summary>
    /// Echoed back in every output; given by the input or derived from its location. Unique in a
    /// run: ingest gives a second text under a taken id the next free <c>ID#N</c>.
    /// </summary>
    public string Id { get; internal set; }

    /// <summary>Where the id came from, which decides what a second text under it is (see README, "Stores and workers").</summary>
    public IdOrigin IdOrigin { get; init; } = IdOrigin.Given;

    /// <summary>Where the article came from, for error messages and provenance.</summary>
    public SourceLocation Source { get; }

    /// <summary>The raw page, when the article arrived as HTML; null for plain text.</summary>
    public string? Html { get; set; }

    /// <summary>
    /// The string all offsets refer to: the input's text exactly as given, or the body extracted
    /// from <see cref="Html"/>.
    /// </summary>
    public string Text { get; set; } = "";

    /// <summary>True when <see cref="Text"/> came from the input as given (offsets must not shift).</summary>
    public bool TextIsInput { get; set; }

    /// <summary>True when the input gave the tokens (one pre-tokenized sentence, <see cref="Text"/> its tokens joined by spaces).</summary>
    public bool TokensGiven { get; set; }

    /// <summary>The parts of <see cref="Text"/> that make up the article body, in order.</summary>
    public List<TextSpan> Body { get; } = [];

    /// <summary>The page held no article text related to its headline: the body is the headline alone (see UnrelatedBody).</summary>
    public bool HeadlineOnly { get; set; }

    /// <summary>Analyst bullets or a summary block printed before the headline, kept apart from the body.</summary>
    public string? Lead { get; set; }

    public string? Title { get; set; }
    public string? Url { get; set; }
    /// <summary>
    /// When the article was published, set once (at construction by the input, or by the first stage
    /// that finds it) and never overwritten; <see cref="PublishedFrom"/> says where it came from.
    /// </summary>
    public PartialDate? Published
    {
        get => published;
        init => (published, PublishedFrom) = (value, value == null ? null : DateProvenance.Given);
    }

    public DateProvenance? PublishedFrom { get; private set; }

    /// <summary>True when no source states the date: it was inferred from the text or the story.</summary>
    public bool PublishedInferred => PublishedFrom is DateProvenance.InferredFromText or DateProvenance.InferredFromStory;

    /// <summary>Records the publication date unless one is known already (no stage overwrites another's); says whether it did.</summary>
    public bool SetPublished(PartialDate date, DateProvenance from)
    {
        if (published != null) return false;
        (published, PublishedFrom) = (date, from);
        return true;
    }

    private PartialDate? published;
    public List<string> Authors { get; } = [];
    public string? Outlet { get; set; }
    public string? Language { get; set; }

    /// <summary>The outlet a rewrite names as its origin ("Original Source: www.example.com").</summary>
    public string? OriginalSource { get; set; }

    /// <summary>Sources the article lists at its end ("Sources: Reuters, ...").</summary>
    public List<string> CitedSources { get; } = [];

    /// <summary>Tokens of <see cref="Text"/> in order (stage 2, Text), shared by every later stage.</summary>
    public List<Token> Tokens { get; } = [];

    /// <summary>Sentences as ranges of <see cref="Tokens"/> (stage 2, Text).</summary>
    public List<Sentence> Sentences { get; } = [];

    /// <summary>Named entities found in <see cref="Text"/> (stage 4, Entities).</summary>
    public List<EntityMention> Entities { get; } = [];

    /// <summary>Place names found in <see cref="Text"/> and resolved to coordinates (stage 4, Places).</summary>
    public List<PlaceMention> Places { get; } = [];

    /// <summary>Time expressions found in <see cref="Text"/> with their calendar values (stage 4, Time).</summary>
    public List<TimeMention> Times { get; } = [];

    /// <summary>Earlier documents and outlets this one reuses, with the evidence (stage 5, Stories).</summary>
    public List<Derivation> DerivedFrom { get; } = [];

    /// <summary>
    /// A later stage's own per-document annotation, one per type (the stories stage keeps its terms and
    /// fingerprint here): the ground floor holds it without naming the stage.
    /// </summary>
    public T? Get<T>() where T : class => extensions?.GetValueOrDefault(typeof(T)) as T;

    public void Set<T>(T value) where T : class => (extensions ??= [])[typeof(T)] = value;

    private Dictionary<Type, object>? extensions;

    /// <summary>The article body as one string: the body spans joined by blank lines.</summary>
    public string BodyText()
    {
        if (Body.Count == 0) return "";
        if (Body.Count == 1) return Text.Substring(Body[0].Start, Body[0].Length);
        return string.Join("\n\n", Body.Select(s => Text.Substring(s.Start, s.Length)));
    }
}

/// <summary>A file and 1-based line (0 when the whole file is meant) for messages that point at input.</summary>
/// <summary>Where a document's id came from.</summary>
public enum IdOrigin
{
    /// <summary>The record's own id (JSON Lines "id", a feed item's guid, a WARC-Record-ID): the outlet's name for the article.</summary>
    Given,
    /// <summary>The name of the file that holds the one article: the file is the article.</summary>
    FileName,
    /// <summary>The record's place in its file (NAME:LINE, NAME:N): the text is the article.</summary>
    Position,
}

public readonly record struct SourceLocation(string File, int Line = 0)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>A half-open range [Start, End) of UTF-16 code units in a document's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}
