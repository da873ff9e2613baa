using System.Net;

namespace Airlock.Gateway.Hosting;

/// <summary>Parses <c>host:port</c> as given to <c>--listen</c> and <c>--admin-listen</c>.</summary>
public static class ListenAddress
{
    public static IPEndPoint Parse(string text, string option)
    {
        var colon = text.LastIndexOf(':');
        if (colon > 0 && text[..colon] == "localhost" && int.TryParse(text[(colon + 1)..], out var localPort) && localPort is >= 0 and <= 65535)
        {
            return new IPEndPoint(IPAddress.Loopback, localPort);
        }

        if (colon > 0 && IPEndPoint.TryParse(text, out var endpoint))
        {
            return endpoint;
        }

        throw new StartupException($"{option} '{text}' is not an address; use IP:PORT, e.g. 127.0.0.1:8080, [::1]:8080 or 0.0.0.0:8080 (port 0 picks a free one)");
    }
}
