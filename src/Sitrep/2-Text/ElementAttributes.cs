using AngleSharp.Dom;

namespace Sitrep.Text;

/// <summary>The attributes extraction looks at, read in one pass over the element's attribute list.</summary>
internal readonly record struct ElementAttributes(string? Class, string? Id, string? Role, string? ItemProp, string? Rel, bool Hidden)
{
    public static ElementAttributes Read(IElement element)
    {
        string? className = null, id = null, role = null, itemProp = null, rel = null;
        bool hidden = false;
        var attributes = element.Attributes;
        for (int i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            switch (attribute.LocalName)
            {
                case "class": className = attribute.Value; break;
                case "id": id = attribute.Value; break;
                case "role": role = attribute.Value; break;
                case "itemprop": itemProp = attribute.Value; break;
                case "rel": rel = attribute.Value; break;
                case "hidden": hidden = true; break;
                case "aria-hidden": hidden |= attribute.Value == "true"; break;
                case "style": hidden |= HidesElement(attribute.Value); break;
            }
        }
        return new ElementAttributes(className, id, role, itemProp, rel, hidden);
    }

    private static bool HidesElement(string style) =>
        style.Contains("none", StringComparison.OrdinalIgnoreCase) && (
            style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("display: none", StringComparison.OrdinalIgnoreCase))
        || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase)
        || style.Contains("visibility: hidden", StringComparison.OrdinalIgnoreCase);
}
