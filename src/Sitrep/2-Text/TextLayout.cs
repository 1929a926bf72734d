namespace Sitrep.Text;

/// <summary>
/// Finds which parts of a document's text are the article body, and what the rest is. The body is
/// a list of spans of <see cref="Document.Text"/> (the text itself is never rewritten, so offsets into
/// the input stay exact): the non-empty line blocks left after taking out the headline (which becomes
/// the title), header datelines and bylines (published date, authors), a lead block of analysis
/// bullets printed before the headline, page furniture (share, back, read more, follow us), an
/// "Original Source:" line, a "Sources:" list, and tails (author biography, comment form, related
/// links). Text extracted from HTML already lost its page around it: there only the furniture,
/// tails, attributions, a repeated title and a date line under it are taken out.
/// </summary>
public sealed class TextLayout : IDocumentStep
{
    private enum Kind { Body, Blank, Furniture, Attribution, Header, Lead, Headline, Tail }

    /// <summary>Header lines (datelines, bylines, lead, headline) are looked for among the first lines only.</summary>
    private const int HeaderLines = 12;

    public void Process(Document document)
    {
        var lines = TextLines.Split(document.Text);
        var kinds = new Kind[lines.Count];
        for (int i = 0; i < lines.Count; i++)
            kinds[i] = Classify(lines[i], document);
        MarkSourceList(lines, kinds, document);
        if (document.Html == null) MarkHeader(lines, kinds, document);
        else MarkExtractedHeader(lines, kinds, document);
        MarkTail(lines, kinds);
        CutInlineDateline(lines, kinds, document);
        AddBodySpans(lines, kinds, document);
    }

    private static Kind Classify(TextLine line, Document document)
    {
        if (line.IsBlank) return Kind.Blank;
        if (LineClasses.IsOriginalSource(line.Content, out var source) && line.WordCount <= 15)
        {
            document.OriginalSource ??= source;
            return Kind.Attribution;
        }
        return LineClasses.IsFurniture(line) ? Kind.Furniture : Kind.Body;
    }

    /// <summary>"Sources: A; B" on one line, or a "Sources:" heading with one source per line after it.</summary>
    private static void MarkSourceList(List<TextLine> lines, Kind[] kinds, Document document)
    {
        // A source list follows the article; "Sources: talks will resume" on the first line is a headline.
        int first = Array.IndexOf(kinds, Kind.Body);
        for (int i = first + 1; i > 0 && i < lines.Count; i++)
        {
            if (kinds[i] != Kind.Body || lines[i].WordCount > 40 || !LineClasses.IsSourcesHeading(lines[i].Content, out var inline)) continue;
            if (inline.Length > 0)
            {
                kinds[i] = Kind.Attribution;
                document.CitedSources.AddRange(LineClasses.SplitSourceList(inline));
                continue;
            }
            var items = new List<int>();
            bool afterBlank = false, bulleted = false;
            for (int j = i + 1; j < lines.Count; j++)
            {
                if (kinds[j] == Kind.Blank)
                {
                    afterBlank = items.Count > 0;
                    continue;
                }
                var line = lines[j];
                if (kinds[j] != Kind.Body || line.WordCount > 25 || LineClasses.StartsTail(line, lines, j)) break;
                bool bullet = LineClasses.IsBulleted(line.Content);
                // Past a blank line the list goes on only with more of the same kind of item, not with prose.
                if (afterBlank && (bulleted ? !bullet : line.WordCount > 8 || line.Content.EndsWith('.'))) break;
                bulleted |= bullet;
                items.Add(j);
            }
            if (items.Count == 0) continue;
            kinds[i] = Kind.Attribution;
            foreach (var j in items)
            {
                kinds[j] = Kind.Attribution;
                var item = LineClasses.CleanSourceItem(lines[j].Content);
                if (item.Length > 0) document.CitedSources.Add(item);
            }
            i = items[^1];
        }
    }

    /// <summary>Datelines, bylines, a lead block and the headline at the top of a plain-text article.</summary>
    private static void MarkHeader(List<TextLine> lines, Kind[] kinds, Document document)
    {
        var lead = new List<int>();
        int headline = -1, seen = 0;
        for (int i = 0; i < lines.Count && seen < HeaderLines; i++)
        {
            if (kinds[i] != Kind.Body) continue;
            seen++;
            var line = lines[i];
            if (LineClasses.IsDateline(line))
            {
                kinds[i] = Kind.Header;
                if (WrittenDates.TryFindInLine(line.Content, out var date)) document.SetPublished(date, DateProvenance.Dateline);
                AddAuthors(document, LineClasses.AuthorsInDateline(line.Content));
                continue;
            }
            if (LineClasses.IsByline(line, out var authors))
            {
                kinds[i] = Kind.Header;
                AddAuthors(document, authors);
                continue;
            }
            if (headline >= 0) break;
            if (LineClasses.IsLeadLine(line))
            {
                lead.Add(i);
                continue;
            }
            if (lead.Count == 0 && LineClasses.IsSectionLabel(line) && HeadlineFollows(lines, kinds, i))
            {
                kinds[i] = Kind.Header;
                continue;
            }
            if (IsTitle(line, document.Title) || LineClasses.IsHeadlineShape(line) && BodyFollows(kinds, i))
            {
                headline = i;
                kinds[i] = Kind.Headline;
                document.Title ??= LineClasses.WithoutMarkdownHeading(line.Content);
                continue;
            }
            break;
        }
        if (headline < 0 || lead.Count == 0) return; // bullets not followed by a headline are the article itself
        foreach (var i in lead) kinds[i] = Kind.Lead;
        document.Lead = document.Text[lines[lead[0]].Start..lines[lead[^1]].End];
    }

    /// <summary>
    /// Extractors often keep the page's h1 as the first paragraph, and a date line among the first
    /// paragraphs: the title and the publication date, not body.
    /// </summary>
    private static void MarkExtractedHeader(List<TextLine> lines, Kind[] kinds, Document document)
    {
        int seen = 0;
        for (int i = 0; i < lines.Count && seen < 3; i++)
        {
            if (kinds[i] != Kind.Body) continue;
            seen++;
            if (seen == 1 && IsTitle(lines[i], document.Title)) kinds[i] = Kind.Headline;
            else if (LineClasses.IsDateline(lines[i]) && WrittenDates.TryFindInLine(lines[i].Content, out var date))
            {
                kinds[i] = Kind.Header;
                document.SetPublished(date, DateProvenance.Dateline);
            }
        }
    }

    /// <summary>Everything from an author biography, comment form or related-links block on is not the article.</summary>
    private static void MarkTail(List<TextLine> lines, Kind[] kinds)
    {
        int firstBody = Array.IndexOf(kinds, Kind.Body);
        if (firstBody < 0) return;
        for (int i = firstBody + 1; i < lines.Count; i++)
        {
            if (kinds[i] is not (Kind.Body or Kind.Furniture)) continue;
            int start = LineClasses.StartsTail(lines[i], lines, i) ? i : BiographyBefore(lines, kinds, i, firstBody);
            if (start < 0) continue;
            for (int j = start; j < lines.Count; j++)
                if (kinds[j] == Kind.Body) kinds[j] = Kind.Tail;
            return;
        }
    }

    /// <summary>"Jane Doe covers the Horn of Africa ... / View all posts by Jane Doe": the paragraph naming her is a biography.</summary>
    private static int BiographyBefore(List<TextLine> lines, Kind[] kinds, int i, int firstBody)
    {
        if (!LineClasses.IsViewAllPosts(lines[i].Content, out var name)) return -1;
        int end = i - 1;
        while (end > firstBody && kinds[end] == Kind.Blank) end--;
        int start = end;
        while (start - 1 > firstBody && kinds[start - 1] == Kind.Body) start--;
        if (start <= firstBody || kinds[start] != Kind.Body) return -1;
        var surname = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? name;
        for (int j = start; j <= end; j++)
            if (lines[j].Content.Contains(surname, StringComparison.Ordinal)) return start;
        return -1;
    }

    /// <summary>The next body line is shaped like a headline (and is no dateline or byline), with body after it.</summary>
    private static bool HeadlineFollows(List<TextLine> lines, Kind[] kinds, int i)
    {
        int next = Array.IndexOf(kinds, Kind.Body, i + 1);
        return next >= 0 && LineClasses.IsHeadlineShape(lines[next]) && !LineClasses.IsDateline(lines[next])
               && !LineClasses.IsByline(lines[next], out _) && BodyFollows(kinds, next);
    }

    private static bool BodyFollows(Kind[] kinds, int i)
    {
        for (int j = i + 1; j < kinds.Length; j++)
            if (kinds[j] == Kind.Body) return true;
        return false;
    }

    private static bool IsTitle(TextLine line, string? title)
    {
        if (string.IsNullOrWhiteSpace(title) || line.Content.Length < 10) return false;
        var a = Normalize(line.Content);
        var b = Normalize(title);
        return a == b || a.Length >= 20 && b.StartsWith(a, StringComparison.Ordinal) || b.Length >= 20 && a.StartsWith(b, StringComparison.Ordinal);
    }

    private static string Normalize(string s) =>
        string.Join(' ', s.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ', '"', '\u201C', '\u201D');

    private static void AddAuthors(Document document, IReadOnlyList<string> authors)
    {
        foreach (var author in authors)
            if (!document.Authors.Contains(author)) document.Authors.Add(author);
    }

    /// <summary>
    /// "KYIV, March 12, 2026 — Russian drones struck ...": the wire dateline opening the first paragraph dates the
    /// article. In a plain-text wire it is no body; on a page it is printed as the body's first words and stays.
    /// </summary>
    private static void CutInlineDateline(List<TextLine> lines, Kind[] kinds, Document document)
    {
        int first = Array.IndexOf(kinds, Kind.Body);
        if (first < 0 || LineClasses.InlineDatelineLength(lines[first].Content) is not (> 0 and var length)) return;
        var line = lines[first];
        if (WrittenDates.TryFindInLine(line.Content[..length], out var date)) document.SetPublished(date, DateProvenance.Dateline);
        if (document.Html == null) lines[first] = new TextLine(line.Start + length, line.End, line.Content[length..]);
    }

    /// <summary>Each run of consecutive body lines is one span, from its first line's start to its last line's end.</summary>
    private static void AddBodySpans(List<TextLine> lines, Kind[] kinds, Document document)
    {
        int start = -1, end = -1;
        for (int i = 0; i <= lines.Count; i++)
        {
            if (i < lines.Count && kinds[i] == Kind.Body)
            {
                if (start < 0) start = lines[i].Start;
                end = lines[i].End;
                continue;
            }
            if (start >= 0) document.Body.Add(new TextSpan(start, end));
            start = -1;
        }
    }
}
