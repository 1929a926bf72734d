namespace Sitrep.Tests;

/// <summary>A test class with a temporary folder of its own, deleted after each test.</summary>
public abstract class TestFolder : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("sitrep-test-").FullName;

    public virtual void Dispose() => Directory.Delete(Folder, recursive: true);
}
