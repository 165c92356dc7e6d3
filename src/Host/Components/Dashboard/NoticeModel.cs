namespace PerformancePlan.Host.Components.Dashboard;

/// <summary>A refusal or failure: page title, heading, the sentence, and the text of the link to log in.</summary>
public sealed record NoticeModel(string Title, string Heading, string Message, string Link = "Accedi");
