namespace ArithLab.Models.Hooks;

/// <summary>The hook points of a model by full name, with helpful errors for unknown names.</summary>
public sealed class HookRegistry
{
    private readonly Dictionary<string, HookPoint> _points;

    public HookRegistry(IEnumerable<KeyValuePair<string, HookPoint>> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        _points = new Dictionary<string, HookPoint>(StringComparer.Ordinal);
        foreach (var (name, point) in points)
        {
            point.Name = name;
            _points[name] = point;
        }
    }

    public IReadOnlyCollection<string> Names => _points.Keys;

    public IEnumerable<HookPoint> Points => _points.Values;

    /// <summary>The hook point called <paramref name="name"/>; an unknown name lists the closest valid ones.</summary>
    public HookPoint this[string name]
    {
        get
        {
            if (_points.TryGetValue(name, out var point))
            {
                return point;
            }
            var closest = _points.Keys.OrderBy(k => Distance(k, name)).Take(3);
            throw new KeyNotFoundException($"no hook point '{name}'; closest: {string.Join(", ", closest)} ({_points.Count} hook points in all)");
        }
    }

    public void RemoveAllHooks()
    {
        foreach (var p in _points.Values)
        {
            p.RemoveAllHooks();
        }
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
