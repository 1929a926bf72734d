using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Ingest;

/// <summary>
/// Decodes raw page bytes the way browsers do, in order: byte-order mark, the charset the transport
/// declared (HTTP header), a meta charset in the page's head, UTF-8 if the bytes are valid UTF-8,
/// and windows-1252 as the web's historical default.
/// </summary>
public static partial class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        var bom = FromByteOrderMark(bytes, out int skip);
        if (bom != null) return bom.GetString(bytes[skip..]);
        var encoding = ByName(declaredCharset) ?? ByName(MetaCharset(bytes));
        // A page that declares a legacy charset but is valid UTF-8 is nearly always mislabelled UTF-8.
        if (encoding != null && encoding.CodePage != Encoding.UTF8.CodePage && !IsSingleByteAscii(encoding) && IsValidUtf8(bytes))
            encoding = null;
        if (encoding != null) return encoding.GetString(bytes);
        return IsValidUtf8(bytes) ? Encoding.UTF8.GetString(bytes) : Windows1252.GetString(bytes);
    }

    private static Encoding Windows1252 => Encoding.GetEncoding(1252);

    private static bool IsSingleByteAscii(Encoding e) => e.CodePage == 20127;

    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding? FromByteOrderMark(ReadOnlySpan<byte> b, out int length)
    {
        length = 0;
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) { length = 3; return Encoding.UTF8; }
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) { length = 2; return Encoding.Unicode; }
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) { length = 2; return Encoding.BigEndianUnicode; }
        return null;
    }

    /// <summary>Resolves a charset label; labels browsers treat as windows-1252 map to it.</summary>
    public static Encoding? ByName(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        label = label.Trim().Trim('"', '\'').ToLowerInvariant();
        if (label is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1") return Windows1252;
        if (label is "utf8") return Encoding.UTF8;
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException) // unknown, or known but disabled (UTF-7)
        {
            return null;
        }
    }

    /// <summary>The charset a page declares in its first 4 KiB (meta charset, http-equiv content type, or an XML declaration's encoding).</summary>
    public static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var m = MetaCharsetPattern().Match(head);
        if (m.Success) return m.Groups[1].Value;
        var declaration = XmlEncodingPattern().Match(head);
        return declaration.Success ? declaration.Groups[1].Value : null;
    }

    /// <summary>The charset parameter of a Content-Type header value.</summary>
    public static string? CharsetOfContentType(string? contentType)
    {
        if (contentType == null) return null;
        var m = CharsetParameter().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([\w:.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();

    [GeneratedRegex(@"^\s*<\?xml[^>]+encoding\s*=\s*[""']([\w:.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncodingPattern();

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w:.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();
}
