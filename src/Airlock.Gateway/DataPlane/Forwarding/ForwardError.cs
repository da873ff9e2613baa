namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>How forwarding ended, for the audit outcome record.</summary>
public enum ForwardError
{
    /// <summary>The upstream's response was relayed in full.</summary>
    None,

    /// <summary>No connection to the upstream could be made (answered 502).</summary>
    ConnectFailed,

    /// <summary>The upstream did not accept a connection or send response headers in time (answered 504).</summary>
    Timeout,

    /// <summary>The upstream closed the connection or sent an invalid response (answered 502).</summary>
    UpstreamFailed,

    /// <summary>The upstream sent an encoded body (e.g. gzip) that the response scanner could not read (answered 502).</summary>
    EncodedResponse,

    /// <summary>The agent's request body could not be read (too large or malformed; answered 413 or 400).</summary>
    RequestBodyFailed,

    /// <summary>The request body's source refused it midway (it carried a held secret); answered with the refusal.</summary>
    RequestBodyRefused,

    /// <summary>The response had started when the upstream failed or went silent; the agent's connection was aborted.</summary>
    ResponseBodyFailed,

    /// <summary>The agent went away.</summary>
    ClientAborted,
}
