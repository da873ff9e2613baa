namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>What a written type name may resolve to.</summary>
internal enum ReferenceKind
{
    /// <summary>Only a common type (the JSON format's <c>{"type": "Name"}</c>, or a named action context).</summary>
    Common,

    /// <summary>Only an entity type (<c>in</c> lists, <c>appliesTo</c> lists, the JSON format's <c>"Entity"</c>).</summary>
    Entity,

    /// <summary>A common type if one is found first, else an entity type (a type name in the human-readable format).</summary>
    CommonOrEntity,
}
