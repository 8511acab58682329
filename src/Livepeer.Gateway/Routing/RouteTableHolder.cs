namespace Livepeer.Gateway.Routing;

/// <summary>The current <see cref="RouteTable"/>; the request path reads it without a lock or a grain call.</summary>
internal sealed class RouteTableHolder
{
    private volatile RouteTable current = RouteTable.Empty;

    public RouteTable Current => current;

    public void Replace(RouteTable table) => current = table;
}
