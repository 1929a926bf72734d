namespace Sitrep.Syntax;

/// <summary>The 17 universal part-of-speech tags of Universal Dependencies.</summary>
public enum Upos : byte { X, ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB }

/// <summary>The universal dependency relations (without their language subtypes such as <c>:pass</c>).</summary>
public enum Relation : byte
{
    Dep, Det, Acl, Advcl, Advmod, Amod, Appos, Aux, Case, Cc, Ccomp, Clf, Compound, Conj, Cop, Csubj, Discourse, Dislocated,
    Expl, Fixed, Flat, Goeswith, Iobj, List, Mark, Nmod, Nsubj, Nummod, Obj, Obl, Orphan, Parataxis, Punct, Reparandum,
    Root, Vocative, Xcomp,
}

/// <summary>Conversions from the treebank's strings to the enums, done once per label at load time.</summary>
public static class UdTags
{
    public static Upos Parse(string upos) => Enum.TryParse<Upos>(upos, out var tag) ? tag : Upos.X;

    /// <summary>The universal relation of a label: the part before its subtype (<c>nsubj:pass</c> is nsubj).</summary>
    public static Relation Relation(string label)
    {
        int colon = label.IndexOf(':');
        var name = colon < 0 ? label : label[..colon];
        return Enum.TryParse<Relation>(name, ignoreCase: true, out var relation) ? relation : Syntax.Relation.Dep;
    }
}
