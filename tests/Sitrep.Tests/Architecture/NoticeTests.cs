using Sitrep.Tests.Report;

namespace Sitrep.Tests.Architecture;

public class NoticeTests
{
    [Fact]
    public void Every_shipped_data_file_is_attributed_in_NOTICE()
    {
        var root = RenderedReport.RepositoryRoot();
        var notice = File.ReadAllText(Path.Combine(root, "NOTICE"));
        var unattributed = Directory.EnumerateDirectories(Path.Combine(root, "src", "Sitrep"), "Data", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateDirectories(Path.Combine(root, "src", "Sitrep"), "Assets", SearchOption.AllDirectories)) // vendored scripts
            .SelectMany(Directory.EnumerateFiles)
            .Select(Path.GetFileName)
            .Where(file => !file!.EndsWith(".md", StringComparison.Ordinal) && !notice.Contains(file!, StringComparison.Ordinal));
        unattributed.ShouldBeEmpty();
    }
}
