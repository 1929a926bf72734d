using System.Text;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class CheckedGzipStreamTests
{
    private static readonly string Lines = string.Concat(Enumerable.Range(1, 3000).Select(i =>
        $"{{\"id\":\"r{i}\",\"text\":\"Report {i}: shelling near checkpoint {i * 7919 % 1000} was heard overnight.\"}}\n"));

    private static string Decompress(byte[] gzip)
    {
        using var stream = new CheckedGzipStream(new MemoryStream(gzip));
        using var output = new MemoryStream();
        var buffer = new byte[777]; // an odd size, so reads straddle the held-back tail
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) output.Write(buffer, 0, n);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void A_complete_file_decompresses_exactly()
    {
        Decompress(TestInputs.Gzip(Lines)).ShouldBe(Lines);
    }

    [Fact]
    public void Concatenated_members_decompress_as_one_stream()
    {
        var half = Lines.Length / 2;
        Decompress([.. TestInputs.Gzip(Lines[..half]), .. TestInputs.Gzip(Lines[half..])]).ShouldBe(Lines);
    }

    [Fact]
    public void An_empty_member_is_complete()
    {
        Decompress(TestInputs.Gzip("")).ShouldBe("");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    [InlineData(-4)]
    [InlineData(-1)]
    public void A_file_cut_anywhere_inside_a_member_fails(double cut)
    {
        var gzip = TestInputs.Gzip(Lines);
        int length = cut switch
        {
            < 0 => gzip.Length + (int)cut,
            < 1 => (int)(gzip.Length * cut),
            _ => (int)cut,
        };
        Should.Throw<InvalidDataException>(() => Decompress(gzip[..length])).Message.ShouldContain("truncated");
    }
}
