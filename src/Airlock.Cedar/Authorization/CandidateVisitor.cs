using Airlock.Cedar.Ast;

namespace Airlock.Cedar;

/// <summary>Receives each candidate policy during an indexed scan, with caller state passed by reference.</summary>
internal delegate void CandidateVisitor<TState>(Policy policy, ref TState state);
