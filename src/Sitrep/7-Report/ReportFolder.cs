using System.Text;
using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>Writes the five files of <c>sitrep analyze --out DIR</c>; each is written to a temporary name and then moved into place.</summary>
public static class ReportFolder
{
    public static void Write(SituationPicture picture, string folder)
    {
        Directory.CreateDirectory(folder);
        // The files only read the picture, so they are written side by side.
        Parallel.Invoke(
            () => Save(folder, "situation.json", s => SituationJson.Write(picture, s)),
            () => Save(folder, "places.geojson", s => PlacesGeoJson.Write(picture, s)),
            () => Save(folder, "events.csv", s => Text(s, w => EventsCsv.Write(picture, w))),
            () => Save(folder, "report.md", s => Text(s, w => ReportMarkdown.Write(picture, w))),
            () => Save(folder, "report.html", s => Text(s, w => ReportHtml.Write(picture, w))));
    }

    private static void Text(Stream stream, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        write(writer);
    }

    private static void Save(string folder, string name, Action<Stream> write)
    {
        var path = Path.Combine(folder, name);
        var temporary = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
