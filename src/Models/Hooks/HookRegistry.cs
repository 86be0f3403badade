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
            var closest = ClosestName.Nearest(name, _points.Keys, 3);
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
}
