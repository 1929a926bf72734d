using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Sitrep.Places;

/// <summary>
/// Keys that make spellings of one place name meet: <see cref="Fold"/> for the same name written
/// with or without diacritics, dots, hyphens or case; <see cref="Skeleton"/> for transliterations
/// and misspellings (El Fasher / Al Fāshir, Khan Younis / Khān Yūnis, Kharkiv / Kharkov, Odessa / Odesa).
/// </summary>
public static class PlaceNames
{
    /// <summary>
    /// Lower case, diacritics and apostrophes dropped, dots dropped ("U.S." = "US"), other
    /// punctuation turned into single spaces, "St"/"Mt"/"Ft" spelt out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called for every name while the gazetteer loads
    public static string Fold(ReadOnlySpan<char> name)
    {
        var sb = Buffer();
        bool space = false;
        foreach (var c in name)
        {
            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (space && sb.Length > 0) sb.Append(' ');
                    space = false;
                    sb.Append(char.ToLowerInvariant(c));
                }
                else if (c is not ('.' or '\'' or '`')) space = true;
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                AppendFolded(sb, c);
            }
            else if (c is '.' or '\'' or '’' or '‘' or 'ʻ' or 'ʼ' or 'ʿ' or 'ʾ' or '`' or '´') continue;
            else space = true;
        }
        return SpellOut(sb.ToString());
    }

    private static void AppendFolded(StringBuilder sb, char c)
    {
        switch (c)
        {
            case 'ß': sb.Append("ss"); break;
            case 'æ' or 'Æ': sb.Append("ae"); break;
            case 'œ' or 'Œ': sb.Append("oe"); break;
            case 'ø' or 'Ø': sb.Append('o'); break;
            case 'ł' or 'Ł': sb.Append('l'); break;
            case 'đ' or 'Đ' or 'ð': sb.Append('d'); break;
            case 'ı': sb.Append('i'); break;
            case 'þ': sb.Append("th"); break;
            default: sb.Append(char.ToLowerInvariant(BaseLetter(c))); break;
        }
    }

    // The letter under the accents of Latin letters U+00C0-U+024F and U+1E00-U+1EFF ('?' = none).
    // Written out because invariant globalization has no Unicode normalization to decompose them.
    private const string Latin00C0 =
        "aaaaaaaceeeeiiiidnooooo?ouuuuytsaaaaaaaceeeeiiiidnooooo?ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnn?nnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs??????o???????eeeff?????????????oo?????????????uu????????????????????????????aaiioouuuuuuuuuueaaaa????ggkkoooo??j???gg??nnaa????aaaaeeeeiiiioooorrrruuuusstt??hh??????aaeeooooooooyy????????????????????????????";
    private const string Latin1E00 =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy?s??s?aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy??????";

    private static char BaseLetter(char c)
    {
        char b = c switch
        {
            >= '\u00C0' and <= '\u024F' => Latin00C0[c - 0xC0],
            >= '\u1E00' and <= '\u1EFF' => Latin1E00[c - 0x1E00],
            _ => '?',
        };
        return b == '?' ? c : b;
    }

    private static string SpellOut(string key)
    {
        int space = key.IndexOf(' ');
        if (space < 0) return key;
        var first = key[..space];
        var whole = first switch { "st" => "saint", "mt" => "mount", "ft" => "fort", _ => null };
        return whole == null ? key : whole + key[space..];
    }

    // Keys are built millions of times while the gazetteer loads: one buffer per thread.
    [ThreadStatic] private static StringBuilder? buffer;

    private static StringBuilder Buffer() => (buffer ??= new StringBuilder(64)).Clear();

    /// <summary>
    /// The consonant outline of a folded name: Arabic articles dropped, vowels and y/w/h (after the
    /// first letter) dropped, q = k, hard c = k, ph = f, dj = j, doubled letters single. Names whose outlines
    /// match are transliterations of each other often enough to be candidates, never proof.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called for every name while the gazetteer loads
    public static string Skeleton(string folded)
    {
        var sb = Buffer();
        int start = 0;
        while (start < folded.Length)
        {
            int end = folded.IndexOf(' ', start);
            if (end < 0) end = folded.Length;
            var token = folded.AsSpan(start, end - start);
            start = end + 1;
            if (token.Length == 0 || IsArticle(token)) continue;
            if (sb.Length > 0) sb.Append(' ');
            int tokenStart = sb.Length;
            for (int i = 0; i < token.Length; i++)
            {
                char c = token[i];
                if (c == 'p' && i + 1 < token.Length && token[i + 1] == 'h') { c = 'f'; i++; }
                else if (c == 'd' && i + 1 < token.Length && token[i + 1] == 'j') { c = 'j'; i++; }
                else if (c == 'q' || c == 'c' && (i + 1 == token.Length || !"eiyh".Contains(token[i + 1]))) c = 'k';
                if (i > 0 && "aeiouyhw".Contains(c)) continue;
                if (i == 0 && "aeiouy".Contains(c)) c = 'a';
                if (sb.Length > tokenStart && sb[^1] == c) continue;
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static bool IsArticle(ReadOnlySpan<char> token) =>
        token is "al" or "el" or "ar" or "as" or "ad" or "an" or "at" or "az" or "ash" or "ath" or "adh" or "the";

    /// <summary>
    /// Edit distance between two folded names, articles and spaces ignored, a vowel written for
    /// another costing half ("Kiev" / "Kyiv" = 1, "Odessa" / "Odesa" = 1, "Odessa" / "Odisha" = 1.5).
    /// </summary>
    public static double Distance(string foldedA, string foldedB)
    {
        string a = Letters(foldedA), b = Letters(foldedB);
        var previous = new double[b.Length + 1];
        var current = new double[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                double substitute = a[i - 1] == b[j - 1] ? 0 : IsVowel(a[i - 1]) && IsVowel(b[j - 1]) ? 0.5 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + substitute);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static string Letters(string folded) =>
        string.Concat(folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !IsArticle(t)));

    /// <summary>How many consonants a skeleton keeps: short outlines match too much to trust alone.</summary>
    public static int Strength(string skeleton) => skeleton.Count(c => c != ' ');
}
