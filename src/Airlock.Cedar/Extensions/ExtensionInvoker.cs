using Airlock.Cedar.Values;

namespace Airlock.Cedar.Extensions;

/// <summary>The body of an extension function; receives exactly the declared number of arguments.</summary>
public delegate Value ExtensionInvoker(ReadOnlySpan<Value> args);
