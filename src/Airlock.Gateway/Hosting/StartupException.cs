namespace Airlock.Gateway.Hosting;

/// <summary>The server refuses to start; the message says what is wrong and how to fix it.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
