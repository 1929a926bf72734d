namespace Sitrep.Stories;

/// <summary>
/// <see cref="DocumentTerms"/> as bytes, so that a store keeps what the stories stage read of a
/// document and a later process can replay it without reading the document again. Little-endian:
/// per space a count and (term, count) pairs, then years, months and the publication day; from
/// version 2 on, days and towns (latitude, longitude). Version 1 bytes (stored before) read without them.
/// </summary>
public static class DocumentTermsCodec
{
    private const byte Version = 2;

    public static byte[] Encode(DocumentTerms terms)
    {
        using var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes))
        {
            w.Write(Version);
            foreach (var space in Spaces(terms))
            {
                w.Write(space.Count);
                foreach (var (term, count) in space)
                {
                    w.Write(term);
                    w.Write(count);
                }
            }
            WriteInts(w, terms.Years);
            WriteInts(w, terms.Months);
            w.Write(terms.Published.HasValue);
            w.Write(terms.Published ?? 0);
            WriteInts(w, terms.Days);
            w.Write(terms.Towns.Length);
            foreach (var town in terms.Towns)
            {
                w.Write(town.Lat);
                w.Write(town.Lon);
            }
        }
        return bytes.ToArray();
    }

    /// <summary>Throws <see cref="InvalidDataException"/> on bytes that did not come from <see cref="Encode"/>.</summary>
    public static DocumentTerms Decode(byte[] bytes)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes));
            byte version = r.ReadByte();
            if (version is < 1 or > Version) throw new InvalidDataException("unknown version of stored document terms");
            var spaces = new Dictionary<int, int>[5];
            for (int s = 0; s < spaces.Length; s++)
            {
                int n = Count(r, bytes.Length);
                var space = spaces[s] = new Dictionary<int, int>(n);
                for (int i = 0; i < n; i++) space[r.ReadInt32()] = r.ReadInt32();
            }
            var years = ReadInts(r, bytes.Length);
            var months = ReadInts(r, bytes.Length);
            bool hasPublished = r.ReadBoolean();
            double published = r.ReadDouble();
            var terms = new DocumentTerms { Published = hasPublished ? published : null, Years = years, Months = months };
            if (version >= 2)
            {
                terms.Days = ReadInts(r, bytes.Length);
                terms.Towns = new GeoPoint[Count(r, bytes.Length)];
                for (int i = 0; i < terms.Towns.Length; i++) terms.Towns[i] = new GeoPoint(r.ReadDouble(), r.ReadDouble());
            }
            foreach (var (target, source) in Spaces(terms).Zip(spaces))
                foreach (var (term, count) in source) target[term] = count;
            return terms;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("stored document terms are cut short");
        }
    }

    private static Dictionary<int, int>[] Spaces(DocumentTerms t) => [t.Body, t.Title, t.Names, t.Dates, t.Numbers];

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static int[] ReadInts(BinaryReader r, int limit)
    {
        var values = new int[Count(r, limit)];
        for (int i = 0; i < values.Length; i++) values[i] = r.ReadInt32();
        return values;
    }

    /// <summary>A count no larger than the bytes could hold, so corrupt input cannot ask for a huge allocation.</summary>
    private static int Count(BinaryReader r, int limit)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > limit) throw new InvalidDataException("stored document terms hold an impossible count");
        return n;
    }
}
