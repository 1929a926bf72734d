namespace Sitrep.Syntax;

/// <summary>
/// Tags, lemmas and the dependency tree of a run of words (a sentence, or every sentence of a
/// document), as arrays parallel to the words. Heads are word indexes in the same arrays; -1 marks a
/// sentence's root. The helpers answer what later stages ask: subject, object, agent, attachments,
/// clause and conjuncts of a word.
/// </summary>
public sealed class SyntaxAnalysis
{
    public SyntaxAnalysis(int count)
    {
        Upos = new Upos[count];
        Xpos = new string[count];
        Lemmas = new string[count];
        Features = new string?[count];
        Heads = new int[count];
        Array.Fill(Heads, -1);
        Labels = new string[count];
        Array.Fill(Labels, "root");
        Relations = new Relation[count];
        Array.Fill(Relations, Relation.Root);
        _sentenceStart = new int[count];
        _sentenceEnd = new int[count];
        SetSentence(0, count);
    }

    private readonly int[] _sentenceStart, _sentenceEnd;

    public int Count => Heads.Length;
    public Upos[] Upos { get; }

    /// <summary>Penn Treebank tags as in EWT (NNS, VBD, HYPH, ...).</summary>
    public string[] Xpos { get; }

    public string[] Lemmas { get; }

    /// <summary>UD features (<c>Number=Plur|Person=3</c>), null when the word has none.</summary>
    public string?[] Features { get; }

    /// <summary>The head of each word (an index here), -1 for the root of its sentence.</summary>
    public int[] Heads { get; }

    /// <summary>Full UD labels with subtypes: <c>nsubj:pass</c>, <c>obl:agent</c>, <c>nmod:poss</c>.</summary>
    public string[] Labels { get; }

    /// <summary>The universal relation of each word to its head.</summary>
    public Relation[] Relations { get; }

    /// <summary>The word's dependents, left to right.</summary>
    public IEnumerable<int> Children(int word)
    {
        for (int i = _sentenceStart[word]; i < _sentenceEnd[word]; i++)
            if (Heads[i] == word) yield return i;
    }

    /// <summary>The first dependent with the relation (and the label, when given with its subtype).</summary>
    public int Child(int word, Relation relation, string? label = null)
    {
        foreach (int c in Children(word))
            if (Relations[c] == relation && (label == null || Labels[c] == label)) return c;
        return -1;
    }

    /// <summary>The subject of a predicate (active or passive), following <c>xcomp</c>/<c>conj</c> up to a shared one.</summary>
    public int SubjectOf(int predicate)
    {
        for (int p = predicate, hops = 0; p >= 0 && hops < 4; p = Heads[p], hops++)
        {
            int subject = Child(p, Relation.Nsubj);
            if (subject < 0) subject = Child(p, Relation.Csubj);
            if (subject >= 0) return subject;
            if (Relations[p] is not (Relation.Conj or Relation.Xcomp)) return -1;
        }
        return -1;
    }

    /// <summary>Whether the predicate is passive: a passive subject or auxiliary.</summary>
    public bool IsPassive(int predicate) =>
        Child(predicate, Relation.Aux, "aux:pass") >= 0 || Child(predicate, Relation.Nsubj, "nsubj:pass") >= 0;

    /// <summary>Whether a predicate is negated: a "not", "n't" or "never" among its dependents.</summary>
    public bool IsNegated(int predicate)
    {
        foreach (int c in Children(predicate))
            if (Relations[c] == Relation.Advmod && Lemmas[c] is "not" or "never") return true;
        return false;
    }

    /// <summary>The direct object of a predicate, -1 when it has none.</summary>
    public int ObjectOf(int predicate) => Child(predicate, Relation.Obj);

    /// <summary>The agent of a passive predicate (the noun of its by-phrase), -1 when it has none.</summary>
    public int PassiveAgentOf(int predicate)
    {
        int agent = Child(predicate, Relation.Obl, "obl:agent");
        if (agent >= 0) return agent;
        foreach (int c in Children(predicate))
            if (Relations[c] == Relation.Obl && CaseWord(c) is { } marker && marker.Equals("by", StringComparison.OrdinalIgnoreCase) && IsPassive(predicate))
                return c;
        return -1;
    }

    /// <summary>The case marker (preposition) of a nominal, e.g. "near" in "near Kabul"; null when it has none.</summary>
    public string? CaseWord(int nominal)
    {
        int marker = Child(nominal, Relation.Case);
        return marker < 0 ? null : Lemmas[marker];
    }

    /// <summary>The prepositional attachments of a word: its obl and nmod dependents with their case word (null when unmarked).</summary>
    public IEnumerable<(int Word, string? Preposition)> Attachments(int head)
    {
        foreach (int c in Children(head))
            if (Relations[c] is Relation.Obl or Relation.Nmod) yield return (c, CaseWord(c));
    }

    /// <summary>
    /// The predicate of the clause a word belongs to: the nearest ancestor (or the word itself) that
    /// heads a clause: a root, or a clausal relation (clausal complements, adverbial and relative clauses, conjoined clauses).
    /// </summary>
    public int ClauseOf(int word)
    {
        for (int w = word, hops = 0; w >= 0 && hops < Count; w = Heads[w], hops++)
        {
            bool verbal = Upos[w] is Syntax.Upos.VERB or Syntax.Upos.AUX || Child(w, Relation.Cop) >= 0 || Child(w, Relation.Nsubj) >= 0;
            if (Heads[w] < 0) return w;
            if (Relations[w] is Relation.Ccomp or Relation.Advcl or Relation.Acl or Relation.Xcomp or Relation.Parataxis or Relation.Csubj) return w;
            if (Relations[w] == Relation.Conj && verbal) return w;
        }
        return word;
    }

    /// <summary>The words coordinated with this one ("A, B and C": each gets the other two), in order.</summary>
    public IEnumerable<int> Conjuncts(int word)
    {
        int first = word;
        while (Relations[first] == Relation.Conj && Heads[first] >= 0) first = Heads[first];
        if (first != word) yield return first;
        foreach (int c in Children(first))
            if (Relations[c] == Relation.Conj && c != word) yield return c;
    }

    /// <summary>Marks words [first, end) as one sentence, so helpers look for relatives only there.</summary>
    internal void SetSentence(int first, int end)
    {
        for (int i = first; i < end; i++)
        {
            _sentenceStart[i] = first;
            _sentenceEnd[i] = end;
        }
    }
}
