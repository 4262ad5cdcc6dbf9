namespace LlmOs.Daemon.Security;

/// <summary>The one question llmosd asks polkit (a seam, so that the decision around it is testable without polkitd).</summary>
internal interface IPolkitAuthority
{
    /// <summary>
    /// Whether polkit authorises <paramref name="subject"/> for <paramref name="actionId"/>, letting an authentication
    /// agent ask the user. Throws when polkit cannot be reached or answers with an error; honours
    /// <paramref name="cancellationToken"/> by abandoning the question.
    /// </summary>
    Task<bool> CheckAuthorizationAsync(PolkitSubject subject, string actionId, CancellationToken cancellationToken);
}
