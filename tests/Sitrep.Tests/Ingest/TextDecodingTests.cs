using System.Text;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class TextDecodingTests
{
    static TextDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Russian = "Обстрел продолжался всю ночь, сообщили в Херсоне.";

    [Fact]
    public void A_byte_order_mark_wins()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Russian)).ToArray();
        TextDecoding.Decode(bytes, declaredCharset: "windows-1252").ShouldBe(Russian);
    }

    [Fact]
    public void A_meta_charset_decodes_a_legacy_page()
    {
        var page = $"<html><head><meta charset=\"windows-1251\"></head><body><p>{Russian}</p></body></html>";
        TextDecoding.Decode(Encoding.GetEncoding(1251).GetBytes(page)).ShouldContain(Russian);
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("x-no-such-charset")]
    public void A_disabled_or_unknown_charset_is_ignored_and_the_bytes_decide(string charset)
    {
        var page = $"<html><head><meta charset=\"{charset}\"></head><body><p>{Russian}</p></body></html>";
        TextDecoding.Decode(Encoding.UTF8.GetBytes(page)).ShouldContain(Russian);
    }

    [Fact]
    public void The_http_header_charset_comes_before_the_page_own_declaration()
    {
        var page = $"<html><head><meta charset=\"iso-8859-1\"></head><body><p>{Russian}</p></body></html>";
        TextDecoding.Decode(Encoding.GetEncoding("koi8-r").GetBytes(page), "KOI8-R").ShouldContain(Russian);
    }

    [Fact]
    public void An_xml_declaration_names_the_encoding_of_an_xhtml_page()
    {
        var page = $"<?xml version=\"1.0\" encoding=\"windows-1251\"?><html><body><p>{Russian}</p></body></html>";
        TextDecoding.Decode(Encoding.GetEncoding(1251).GetBytes(page)).ShouldContain(Russian);
    }

    [Fact]
    public void Utf8_mislabelled_as_latin_1_is_read_as_utf8()
    {
        var page = "<meta charset=\"iso-8859-1\"><p>Le préfet a décrété un couvre-feu.</p>";
        TextDecoding.Decode(Encoding.UTF8.GetBytes(page)).ShouldContain("Le préfet a décrété un couvre-feu.");
    }

    [Fact]
    public void Undeclared_bytes_that_are_not_utf8_fall_back_to_windows_1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("The minister called it \u201Cunacceptable\u201D \u2014 twice.");
        TextDecoding.Decode(bytes).ShouldBe("The minister called it \u201Cunacceptable\u201D \u2014 twice.");
    }
}
