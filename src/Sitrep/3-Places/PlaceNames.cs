using System.Globalization;
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
    public static string Fold(ReadOnlySpan<char> name)
    {
        var sb = new StringBuilder(name.Length);
        bool space = false;
        foreach (var c in name.ToString().Normalize(NormalizationForm.FormD))
        {
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
            default: sb.Append(char.ToLowerInvariant(c)); break;
        }
    }

    private static string SpellOut(string key)
    {
        int space = key.IndexOf(' ');
        if (space < 0) return key;
        var first = key[..space];
        var whole = first switch { "st" => "saint", "mt" => "mount", "ft" => "fort", _ => null };
        return whole == null ? key : whole + key[space..];
    }

    private static readonly HashSet<string> Articles = ["al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "adh", "ad", "the"];

    /// <summary>
    /// The consonant outline of a folded name: Arabic articles dropped, vowels and y/w/h (after the
    /// first letter) dropped, q = k, ph = f, dj = j, doubled letters single. Names whose outlines
    /// match are transliterations of each other often enough to be candidates, never proof.
    /// </summary>
    public static string Skeleton(string folded)
    {
        var sb = new StringBuilder(folded.Length);
        foreach (var token in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Articles.Contains(token)) continue;
            if (sb.Length > 0) sb.Append(' ');
            int tokenStart = sb.Length;
            for (int i = 0; i < token.Length; i++)
            {
                char c = token[i];
                if (c == 'p' && i + 1 < token.Length && token[i + 1] == 'h') { c = 'f'; i++; }
                else if (c == 'd' && i + 1 < token.Length && token[i + 1] == 'j') { c = 'j'; i++; }
                else if (c == 'q') c = 'k';
                if (i > 0 && "aeiouyhw".Contains(c)) continue;
                if (i == 0 && "aeiouy".Contains(c)) c = 'a';
                if (sb.Length > tokenStart && sb[^1] == c) continue;
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>How many consonants a skeleton keeps: short outlines match too much to trust alone.</summary>
    public static int Strength(string skeleton) => skeleton.Count(c => c != ' ');
}
