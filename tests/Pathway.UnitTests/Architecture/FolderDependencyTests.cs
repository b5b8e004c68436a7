namespace Pathway.UnitTests.Architecture;

/// <summary>
/// Dependencies between the web project's folders go one way (README, Architecture): a new cycle between
/// two folders fails here, naming the types that close it.
/// </summary>
public class FolderDependencyTests
{
    /// <summary>Data's context (and its provider subclasses) names every feature's entities, and every feature uses it: the one sanctioned two-way tie.</summary>
    private static readonly string[] ContextTypes =
        ["Pathway.Web.Data.PathwayDb", "Pathway.Web.Data.SqlitePathwayDb", "Pathway.Web.Data.PostgresPathwayDb"];

    private static bool IsSanctioned(FolderEdge edge) =>
        edge.From == "Data" && ContextTypes.Contains(edge.FromType);

    [Fact]
    public void Folders_depend_on_each_other_one_way()
    {
        var edges = FolderDependencies.Edges.Where(edge => !IsSanctioned(edge)).ToList();
        var cycles = StronglyConnected(edges.Select(edge => (edge.From, edge.To)))
            .Where(component => component.Count > 1)
            .Select(component => string.Join(Environment.NewLine, edges
                .Where(edge => component.Contains(edge.From) && component.Contains(edge.To))
                .GroupBy(edge => (edge.From, edge.To))
                .OrderBy(group => group.Key)
                .Select(group => $"  {group.Key.From} -> {group.Key.To}: {string.Join(", ", group.Select(edge => $"{edge.FromType} uses {edge.ToType}").Order().Take(3))}")))
            .ToList();
        Assert.True(cycles.Count == 0, "Folders that use each other (directly or round a loop):" + Environment.NewLine + string.Join(Environment.NewLine, cycles));
    }

    [Fact]
    public void Shared_types_at_the_root_use_no_feature_folder()
    {
        var uses = FolderDependencies.Edges.Where(edge => edge.From == FolderDependencies.Root).Select(edge => $"{edge.FromType} uses {edge.ToType}").ToList();
        Assert.Empty(uses);
    }

    /// <summary>The reader must see uses in signatures, in method bodies and in Razor markup, or the cycle test passes on nothing.</summary>
    [Fact]
    public void The_reader_sees_uses_in_signatures_bodies_and_pages()
    {
        var edges = FolderDependencies.Edges;
        // A signature: the planning round carries the assessment round.
        Assert.Contains(edges, edge => edge is { FromType: "Pathway.Web.Planning.PlanningRound", ToType: "Pathway.Web.Assessments.Round" });
        // A method body only: seeding runs each feature's seeds through the interface Data declares.
        Assert.Contains(edges, edge => edge is { FromType: "Pathway.Web.Operations.PathwaySetup", ToType: "Pathway.Web.Framework.FrameworkSeed" });
        // Razor markup: the planning pages' navigation renders the round header.
        Assert.Contains(edges, edge => edge is { FromType: "Pathway.Web.Planning.Pages.PlanningNav", ToType: "Pathway.Web.Assessments.Pages.RoundHeader" });
        // Every feature uses the shared types at the root.
        Assert.Contains(edges, edge => edge is { From: "Assessments", To: FolderDependencies.Root });
    }

    /// <summary>Tarjan's strongly connected components: each set of folders that reach one another.</summary>
    private static List<HashSet<string>> StronglyConnected(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.Distinct().GroupBy(edge => edge.From).ToDictionary(group => group.Key, group => group.Select(edge => edge.To).ToList());
        var nodes = next.Keys.Concat(next.Values.SelectMany(to => to)).Distinct().Order().ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<HashSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(to, out var seen))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }
            if (low[node] == index[node])
            {
                var component = new HashSet<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in nodes.Where(node => !index.ContainsKey(node)))
        {
            Visit(node);
        }
        return components;
    }
}
