namespace WeakToStrong.Runner.Stages;

static class CorpusText
{
    public static string Assemble(IReadOnlyList<(string Name, string Dir)> sources) => throw new NotImplementedException("corpus builder pending");
}
