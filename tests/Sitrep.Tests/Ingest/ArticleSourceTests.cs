using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public sealed class ArticleSourceTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sitrep-source-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void A_folder_is_walked_recursively_in_ordinal_path_order_whatever_the_creation_order()
    {
        Write("b/2.txt", "Second story about the port.");
        Write("a.txt", "First story about the port.");
        Write("B.txt", "Capitalised names sort first in ordinal order.");
        Write("b/1.txt", "Story one in folder b.");
        Write(".hidden.txt", "An editor's backup, not an article.");

        var problems = new ProblemList();
        var names = new ArticleSource(problems).Expand([folder]).Select(f => Path.GetRelativePath(folder, f.DisplayName)).ToList();

        names.ShouldBe(["B.txt", "a.txt", "b/1.txt", "b/2.txt"]);
        problems.Items.ShouldBeEmpty();
    }

    [Fact]
    public void Folder_documentation_is_skipped_when_walking_but_read_when_named()
    {
        Write("ATTRIBUTION.md", "# Sources of these samples");
        Write("README.md", "# About this folder");
        Write("story.md", "# Truce holds\n\nThe truce held overnight.");

        var source = new ArticleSource(new ProblemList());
        source.Expand([folder]).Select(f => Path.GetFileName(f.DisplayName)).ShouldBe(["story.md"]);
        source.Expand([Path.Combine(folder, "README.md")]).Count().ShouldBe(1);
    }

    [Fact]
    public void A_missing_input_is_reported_and_the_rest_still_read()
    {
        Write("a.txt", "The convoy reached Gao on Tuesday.");
        var problems = new ProblemList();
        var missing = Path.Combine(folder, "nope.jsonl");

        var documents = new ArticleSource(problems).Read([missing, folder]).ToList();

        documents.Select(d => d.Id).ShouldBe(["a"]);
        problems.Items.Single().ToString().ShouldBe($"{missing}: no such file or folder");
    }
}
