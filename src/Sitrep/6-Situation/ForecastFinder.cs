using System.Buffers;
using System.Text.RegularExpressions;

namespace Sitrep.Situation;

/// <summary>
/// Finds statements about what may happen: conditionals ("If talks collapse, the union may call a
/// national strike"), modal and future statements ("prices could rise further", "is expected to"),
/// split into condition and outcome. Sentences from several documents that forecast the same thing
/// are one forecast citing them all.
/// </summary>
public sealed partial class ForecastFinder : IStoryStep
{
    public void Process(StoryPicture story)
    {
        var found = new List<(Forecast Forecast, FactWords Words)>();
        var index = new OverlapIndex<int>();
        foreach (var sentence in story.Sentences)
        {
            var forecast = Parse(sentence.Text);
            if (forecast == null) continue;
            var words = FactWords.Of(sentence.Text);
            int same = index.Candidates(words.Words).Where(k => found[k].Words.Similarity(words) >= 0.5).DefaultIfEmpty(-1).Min();
            if (same >= 0)
            {
                var existing = found[same].Forecast;
                found[same] = (existing with { Sources = existing.Sources.Append(sentence.Document.Id).Distinct().ToList() }, found[same].Words);
            }
            else
            {
                index.Add(found.Count, words.Words);
                found.Add((forecast with { Sources = [sentence.Document.Id] }, words));
            }
        }
        story.Forecasts.AddRange(found.Select(f => f.Forecast));
    }

    /// <summary>The forecast a sentence makes, if it makes one.</summary>
    public static Forecast? Parse(string sentence)
    {
        var text = sentence.Trim();
        // Every forecast has a modal word and most sentences none: a vectorised search rules those out first.
        if (text.EndsWith('?') || text.AsSpan().IndexOfAny(ModalStems) < 0 || !Modal().IsMatch(text) || IsAboutTheArticle(text)) return null;
        var conditional = LeadingCondition().Match(text);
        if (conditional.Success && Modal().IsMatch(conditional.Groups["outcome"].Value))
            return new Forecast(text, conditional.Groups["condition"].Value.Trim(), Outcome(conditional.Groups["outcome"].Value), []);
        var trailing = TrailingCondition().Match(text);
        if (trailing.Success && Modal().IsMatch(trailing.Groups["outcome"].Value))
            return new Forecast(text, trailing.Groups["condition"].Value.Trim().TrimEnd('.'), Outcome(trailing.Groups["outcome"].Value), []);
        if (!ReportedPast().IsMatch(text))
            return new Forecast(text, null, Outcome(text), []);
        return null;
    }

    /// <summary>True for a note of the article about itself ("This is a developing story and will be updated"; Data/article-notes.txt).</summary>
    public static bool IsAboutTheArticle(string sentence) => ArticleNotes.Value.IsMatch(sentence);

    private static readonly Lazy<Regex> ArticleNotes = new(() => new Regex(
        @"\b(?:" + string.Join("|", DataFiles.Lines("Situation", "article-notes.txt").Select(l => Regex.Escape(l.Trim()).Replace("\\ ", "\\s+"))) + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled));

    /// <summary>What is forecast, without the frame of who forecasts it ("The WFP warned that prices could rise" → "prices could rise").</summary>
    private static string Outcome(string s)
    {
        var framed = ReportingFrame().Match(s);
        if (framed.Success && Modal().IsMatch(framed.Groups["said"].Value)) return Clean(framed.Groups["said"].Value);
        // "Aid workers said the number could double": the outcome starts after the attribution.
        return Clean(Attribution.Find(s) is { Start: 0 } said && Modal().IsMatch(s[said.End..]) ? s[said.End..] : s);
    }

    /// <summary>Substrings every match of <see cref="Modal"/> contains one of.</summary>
    private static readonly SearchValues<string> ModalStems = SearchValues.Create(
        ["will", "won't", "could", "may", "might", "expected", "likely", "set to", "poised", "forecast", "predict", "projected", "on track",
         "threaten", "plan", "aim", "bound", "risk", "coming"], StringComparison.OrdinalIgnoreCase);

    private static string Clean(string s) => s.Trim().TrimEnd('.', ';').Trim();

    [GeneratedRegex(@"^[^,;]{2,80}?\s+(?:warned|warns|said|says|added|noted|cautioned|fears?|feared|believes?|believed|predicted|predicts|expects?|expected)\s+that\s+(?<said>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReportingFrame();

    [GeneratedRegex(@"^(?:if|unless|should|once|in case)\s+(?<condition>[^,]{3,}?),\s*(?<outcome>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingCondition();

    [GeneratedRegex(@"^(?<outcome>.{10,}?)\s+(?:if|unless|provided that|as long as)\s+(?<condition>.{3,})$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingCondition();

    [GeneratedRegex(@"\b(?:will|won't|could|(?-i:may)|might|(?:is|are) expected\b|is likely to|are likely to|likely to|is set to|are set to|is poised to|are poised to|forecasts?|predicts?|projected to|on track to|threatens? to|plans? to|aims? to|is bound to|risks? (?:a|an|further)|in the coming (?:days|weeks|months))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Modal();

    /// <summary>"he said he would ...": reported past intentions are not forecasts.</summary>
    [GeneratedRegex(@"\b(?:could not|may have|might have|could have|would have)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportedPast();
}
