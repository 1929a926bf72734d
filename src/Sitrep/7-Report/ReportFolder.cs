using System.Runtime.ExceptionServices;
using System.Text;
using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>
/// Writes the five files of <c>sitrep analyze --out DIR</c>: all of them into a folder beside DIR
/// first, then each moved into DIR, so that a run that fails half-way leaves the previous report
/// whole. Other files in DIR are left alone.
/// </summary>
public static class ReportFolder
{
    public static void Write(SituationPicture picture, string folder)
    {
        var target = Path.GetFullPath(folder);
        var staging = Path.Combine(Path.GetDirectoryName(target) ?? target, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        Directory.CreateDirectory(staging);
        try
        {
            // The files only read the picture, so they are written side by side.
            Parallel.Invoke(
                () => Save(staging, "situation.json", s => SituationJson.Write(picture, s)),
                () => Save(staging, "places.geojson", s => PlacesGeoJson.Write(picture, s)),
                () => Save(staging, "events.csv", s => Text(s, w => EventsCsv.Write(picture, w))),
                () => Save(staging, "report.md", s => Text(s, w => ReportMarkdown.Write(picture, w))),
                () => Save(staging, "report.html", s => Text(s, w => ReportHtml.Write(picture, w))));
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(staging)) File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]); // the first writer's own fault, not the parallel wrapper
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static void Text(Stream stream, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        write(writer);
    }

    private static void Save(string folder, string name, Action<Stream> write)
    {
        using var stream = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        write(stream);
    }
}
