
namespace Sitrep.Syntax;

/// <summary>
/// What the tagger and parser know of a word, hashed once per sentence: the form, its lower-case form
/// (digits as 9), affixes, shape and the last part of a hyphenated word. No strings are made.
/// </summary>
internal struct WordKeys
{
    public ulong Form, Lower, Shape, Last;
    public ulong Prefix1, Prefix2, Prefix3, Prefix4, Suffix1, Suffix2, Suffix3, Suffix4;
    public bool Capitalised;

    /// <summary>The keys of the boundary positions before the first and after the last word.</summary>
    public static readonly WordKeys Boundary = Of("<s>");

    public static WordKeys Of(ReadOnlySpan<char> word)
    {
        var keys = new WordKeys { Form = FeatureHash.Of(word), Capitalised = word.Length > 0 && char.IsUpper(word[0]) };
        ulong lower = FeatureHash.Seed, shape = FeatureHash.Seed, last = FeatureHash.Seed;
        char previousShape = '\0';
        int n = word.Length;
        for (int i = 0; i < n; i++)
        {
            char c = Normal(word[i]);
            lower = FeatureHash.Step(lower, c);
            last = c == '-' ? FeatureHash.Seed : FeatureHash.Step(last, c);
            char s = char.IsUpper(word[i]) ? 'X' : char.IsLower(word[i]) ? 'x' : char.IsDigit(word[i]) ? 'd' : word[i];
            if (s != previousShape) shape = FeatureHash.Step(shape, s);
            previousShape = s;
            if (i == 0) keys.Prefix1 = lower;
            if (i == 1) keys.Prefix2 = lower;
            if (i == 2) keys.Prefix3 = lower;
            if (i == 3) keys.Prefix4 = lower;
        }
        keys.Lower = lower;
        keys.Shape = FeatureHash.Step(shape, n <= 3 ? (char)('0' + n) : '+');
        keys.Last = word.Contains('-') ? last : 0;
        keys.Suffix1 = Suffix(word, 1);
        keys.Suffix2 = Suffix(word, 2);
        keys.Suffix3 = Suffix(word, 3);
        keys.Suffix4 = Suffix(word, 4);
        return keys;
    }

    private static char Normal(char c) => char.IsDigit(c) ? '9' : char.ToLowerInvariant(c);

    private static ulong Suffix(ReadOnlySpan<char> word, int length)
    {
        if (word.Length < length) return 0;
        ulong h = FeatureHash.Step(FeatureHash.Seed, '~');
        foreach (char c in word[^length..]) h = FeatureHash.Step(h, Normal(c));
        return h;
    }
}
