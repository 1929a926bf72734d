using Sitrep.Syntax;

namespace Sitrep.Entities;

/// <summary>
/// The tagger's view of one document: per-token hashes computed once, document-wide casing evidence
/// and the labels already given to earlier mentions of the same word (the "prediction history",
/// which carries a confident tag from an easy context to a hard one). <see cref="Extract"/> writes the
/// hashed feature rows of one token; training and tagging share it, so they see the same features.
/// </summary>
internal sealed class EntityFeatures
{
    public const int MaxFeatures = 96;

    private enum Casing : byte { Other, Lower, Title, Upper, Mixed }

    // Feature templates: each is hashed together with its value.
    private const ulong Bias = 1, Word = 2, Lower = 3, Shape = 4, LongShape = 5, Prefix = 6, Suffix = 7, LowerLeft1 = 8,
        LowerRight1 = 9, LowerLeft2 = 10, LowerRight2 = 11, ShapeLeft = 12, ShapeRight = 13, ShapeTrigram = 14,
        BigramLeft = 15, BigramRight = 16, FirstShape = 17, HeadlineShape = 18, GazetteerHere = 19, GazetteerLeft = 20,
        GazetteerRight = 21, LeftShape = 22, ShapeRightWord = 23, DocumentCasing = 24, History = 25, HistoryShape = 26,
        SuffixLeft = 27, SuffixRight = 28, HeadlineLower = 29, FirstLower = 30, GazetteerShape = 31, HistoryRight = 32,
        HistoryLeft = 33, Length = 34;

    private static readonly ulong Outside = FeatureHash.Of("<out>");

    private readonly string _text;
    private readonly IReadOnlyList<Token> _tokens;
    private readonly ulong[] _word, _lower, _shape, _longShape, _tail, _suffix3;
    private readonly Casing[] _casing;
    private readonly ushort[] _gazetteer;
    private readonly sbyte[] _historyLabel;
    private readonly HashSet<ulong> _seenLower = [], _seenTitleInside = [];
    private readonly Dictionary<ulong, int[]> _history = [];
    private readonly int _bits;

    public EntityFeatures(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, EntityGazetteer gazetteer, int bits)
    {
        _text = text;
        _tokens = tokens;
        _bits = bits;
        int n = tokens.Count;
        _word = new ulong[n];
        _lower = new ulong[n];
        _shape = new ulong[n];
        _longShape = new ulong[n];
        _tail = new ulong[n];
        _suffix3 = new ulong[n];
        _historyLabel = new sbyte[n];
        _casing = new Casing[n];
        _gazetteer = new ushort[n];
        Span<char> shape = stackalloc char[16];
        for (int i = 0; i < n; i++)
        {
            var s = tokens[i].In(text);
            // One pass over the characters: exact and lower-case hashes, casing and both shapes.
            ulong word = FeatureHash.Seed, lowered = FeatureHash.Seed;
            int collapsed = 0, full = 0, upper = 0, lowerCount = 0;
            char previous = '\0';
            foreach (char c in s)
            {
                char k;
                if (char.IsAsciiLetterLower(c)) { k = 'x'; lowerCount++; lowered = FeatureHash.Step(lowered, c); }
                else if (char.IsAsciiLetterUpper(c)) { k = 'X'; upper++; lowered = FeatureHash.Step(lowered, (char)(c | 0x20)); }
                else if (char.IsAsciiDigit(c)) { k = 'd'; lowered = FeatureHash.Step(lowered, c); }
                else
                {
                    k = char.IsUpper(c) ? 'X' : char.IsLetter(c) ? 'x' : c;
                    if (char.IsUpper(c)) upper++;
                    else if (char.IsLower(c)) lowerCount++;
                    lowered = FeatureHash.Step(lowered, char.ToLowerInvariant(c));
                }
                word = FeatureHash.Step(word, c);
                if (full < 8) shape[8 + full++] = k;
                if (k != previous && collapsed < 8) shape[collapsed++] = k;
                previous = k;
            }
            _word[i] = word;
            _lower[i] = lowered;
            _casing[i] = upper == 0 && lowerCount == 0 ? Casing.Other : upper == 0 ? Casing.Lower : lowerCount == 0 ? Casing.Upper
                : char.IsUpper(s[0]) && upper == 1 ? Casing.Title : Casing.Mixed;
            _suffix3[i] = FeatureHash.OfLower(s[^Math.Min(3, s.Length)..]);
            // "al-Bashir" is later written "Bashir": the history also remembers the part after a hyphen.
            int hyphen = s.LastIndexOf('-');
            if (hyphen > 0 && hyphen + 2 < s.Length && char.IsUpper(s[hyphen + 1])) _tail[i] = FeatureHash.OfLower(s[(hyphen + 1)..]);
            _shape[i] = FeatureHash.Of(shape[..collapsed]);
            _longShape[i] = FeatureHash.Of(shape.Slice(8, full)) + (ulong)Math.Min(s.Length, 12);
        }
        foreach (var sentence in sentences)
        {
            gazetteer.Mark(_lower, sentence.FirstToken, sentence.EndToken, _gazetteer);
            if (IsHeadline(sentence)) continue;
            for (int i = sentence.FirstToken + 1; i < sentence.EndToken; i++)
            {
                if (_casing[i] == Casing.Lower) _seenLower.Add(_lower[i]);
                else if (_casing[i] == Casing.Title && !IsOpening(i - 1)) _seenTitleInside.Add(_lower[i]);
            }
        }
    }

    private bool IsOpening(int i) => _tokens[i].Length == 1 && _text[_tokens[i].Start] is '"' or '“' or '\'' or '‘' or '(' or '[' or '-' or ':';

    /// <summary>Words a title-case headline leaves in lower case ("Army Retakes Palace from Militia").</summary>
    internal static readonly HashSet<string> HeadlineSmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on", "at", "to", "by", "as", "is", "be", "up",
        "from", "with", "into", "over", "after", "amid", "upon", "than", "that", "onto", "via", "vs", "per", "off", "out",
    };

    /// <summary>
    /// A line in capitals (no lower-case word), or a title-case first line: four or more capitalised
    /// words and no lower-case word but small ones. Such lines say little through capitals.
    /// </summary>
    public bool IsHeadline(Sentence sentence)
    {
        int upper = 0, capitalised = 0;
        bool lower = false, title = false;
        var small = HeadlineSmallWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            switch (_casing[i])
            {
                case Casing.Lower:
                    if (!small.Contains(_tokens[i].In(_text))) return false;
                    lower = true;
                    break;
                case Casing.Title or Casing.Mixed:
                    title = true;
                    capitalised++;
                    break;
                case Casing.Upper when _tokens[i].Length > 1:
                    upper++;
                    capitalised++;
                    break;
            }
        }
        if (!title && !lower) return upper >= 2;
        return sentence.FirstToken == 0 && capitalised >= 4;
    }

    /// <summary>Writes the feature rows of token <paramref name="i"/> of <paramref name="sentence"/>; returns how many.</summary>
    public int Extract(Sentence sentence, bool headline, int i, Span<int> rows)
    {
        int n = 0;
        int first = sentence.FirstToken, end = sentence.EndToken;
        ulong shape = _shape[i], lower = _lower[i];
        ulong lowerLeft = i > first ? _lower[i - 1] : Outside, lowerRight = i + 1 < end ? _lower[i + 1] : Outside;
        ulong shapeLeft = i > first ? _shape[i - 1] : Outside, shapeRight = i + 1 < end ? _shape[i + 1] : Outside;
        bool sentenceStart = i == first || i == first + 1 && IsOpening(first);
        var s = _tokens[i].In(_text);

        rows[n++] = Row(Bias, 0);
        rows[n++] = Row(Word, _word[i]);
        rows[n++] = Row(Lower, lower);
        rows[n++] = Row(Shape, shape);
        rows[n++] = Row(LongShape, _longShape[i]);
        rows[n++] = Row(Length, (ulong)Math.Min(s.Length, 10) * 8 + (ulong)_casing[i]);
        for (int k = 1; k <= 4 && k <= s.Length; k++)
        {
            rows[n++] = Row(Suffix, FeatureHash.OfLower(s[^k..]));
            if (k >= 2) rows[n++] = Row(Prefix, FeatureHash.OfLower(s[..k]));
        }
        rows[n++] = Row(LowerLeft1, lowerLeft);
        rows[n++] = Row(LowerRight1, lowerRight);
        rows[n++] = Row(LowerLeft2, i - 1 > first ? _lower[i - 2] : Outside);
        rows[n++] = Row(LowerRight2, i + 2 < end ? _lower[i + 2] : Outside);
        rows[n++] = Row(ShapeLeft, shapeLeft);
        rows[n++] = Row(ShapeRight, shapeRight);
        rows[n++] = Row(ShapeTrigram, FeatureHash.Combine(FeatureHash.Combine(shapeLeft, shape), shapeRight));
        rows[n++] = Row(BigramLeft, FeatureHash.Combine(lowerLeft, lower));
        rows[n++] = Row(BigramRight, FeatureHash.Combine(lower, lowerRight));
        rows[n++] = Row(LeftShape, FeatureHash.Combine(lowerLeft, shape));
        rows[n++] = Row(ShapeRightWord, FeatureHash.Combine(shape, lowerRight));
        rows[n++] = Row(SuffixLeft, i > first ? _suffix3[i - 1] : Outside);
        rows[n++] = Row(SuffixRight, i + 1 < end ? _suffix3[i + 1] : Outside);
        if (sentenceStart)
        {
            rows[n++] = Row(FirstShape, shape);
            rows[n++] = Row(FirstLower, lower);
        }
        if (headline)
        {
            rows[n++] = Row(HeadlineShape, shape);
            rows[n++] = Row(HeadlineLower, lower);
        }
        n = Gazetteer(GazetteerHere, _gazetteer[i], rows, n);
        if (i > first) n = Gazetteer(GazetteerLeft, _gazetteer[i - 1], rows, n);
        if (i + 1 < end) n = Gazetteer(GazetteerRight, _gazetteer[i + 1], rows, n);
        if (_gazetteer[i] != 0) rows[n++] = Row(GazetteerShape, FeatureHash.Combine(_gazetteer[i], shape));

        if (_casing[i] is Casing.Title or Casing.Upper or Casing.Mixed)
        {
            // How the same word is written elsewhere in the document: a capitalised "The" at the start
            // of a sentence is seen in lower case elsewhere; a headline's "SUDAN" in title case.
            ulong evidence = (_seenLower.Contains(lower) ? 1UL : 0) | (_seenTitleInside.Contains(lower) ? 2UL : 0);
            rows[n++] = Row(DocumentCasing, evidence * 16 + (ulong)_casing[i] * 2 + (sentenceStart || headline ? 1UL : 0));
        }
        if (_historyLabel[i] >= 0)
        {
            rows[n++] = Row(History, (ulong)_historyLabel[i]);
            rows[n++] = Row(HistoryShape, FeatureHash.Combine((ulong)_historyLabel[i], shape));
        }
        if (i + 1 < end && _historyLabel[i + 1] >= 0) rows[n++] = Row(HistoryRight, (ulong)_historyLabel[i + 1]);
        if (i > first && _historyLabel[i - 1] >= 0) rows[n++] = Row(HistoryLeft, (ulong)_historyLabel[i - 1]);
        return n;
    }

    private int Gazetteer(ulong template, ushort marks, Span<int> rows, int n)
    {
        while (marks != 0)
        {
            int bit = System.Numerics.BitOperations.TrailingZeroCount(marks);
            rows[n++] = Row(template, (ulong)bit);
            marks &= (ushort)(marks - 1);
        }
        return n;
    }

    /// <summary>
    /// Looks up, for each token of the sentence, the label most often given to the same word earlier in
    /// the document (0 = outside, 1-4 = type; -1 = none). Call before extracting the sentence's features.
    /// </summary>
    public void BeginSentence(Sentence sentence)
    {
        for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            _historyLabel[i] = -1;
            if (_casing[i] is Casing.Lower or Casing.Other || !_history.TryGetValue(_lower[i], out var counts)) continue;
            int best = 0;
            for (int k = 1; k < counts.Length; k++) if (counts[k] > counts[best]) best = k;
            _historyLabel[i] = (sbyte)best;
        }
    }

    /// <summary>Records the labels decided for a sentence, for later mentions of the same words.</summary>
    public void Remember(Sentence sentence, ReadOnlySpan<byte> labels)
    {
        for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (_casing[i] is Casing.Lower or Casing.Other) continue;
            int type = EntityLabels.TypeOf(labels[i - sentence.FirstToken]);
            if (type == 0 && i == sentence.FirstToken) continue;
            Count(_lower[i], type);
            if (_tail[i] != 0 && type != 0) Count(_tail[i], type);
        }
    }

    private void Count(ulong word, int type)
    {
        if (!_history.TryGetValue(word, out var counts)) _history[word] = counts = new int[EntityLabels.Types.Length + 1];
        counts[type]++;
    }

    private int Row(ulong template, ulong value) => (int)(FeatureHash.Combine(template, value) >> (64 - _bits));
}
