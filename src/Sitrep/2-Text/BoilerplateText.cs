using System.Text.RegularExpressions;

namespace Sitrep.Text;

/// <summary>
/// Short lines that sit inside article containers without being article text: ad labels, "Read
/// more" teasers, share prompts, photo credits, copyright lines.
/// </summary>
internal static partial class BoilerplateText
{
    private const int MaxLength = 160;

    public static bool IsBoilerplate(string paragraph) =>
        paragraph.Length <= MaxLength && Pattern().IsMatch(paragraph);

    [GeneratedRegex(@"^(?:advertisements?|advertising|ad|sponsored(?: content)?|story continues below.*|continue reading.*|read more\b.*|related\b.*|see also\b.*|also read\b.*|recommended\b.*|share (?:this|on)\b.*|share|tweet|image (?:source|copyright|caption)\b.*|(?:photo|image|picture)s?(?: credit)?:.*|follow us\b.*|sign up\b.*|subscribe\b.*|click here\b.*|getty images|(?:\(?ap photo|\(?reuters/).*|loading\W*|all rights reserved.*|copyright\b.*|©.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
