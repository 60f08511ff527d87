/**
 * The dashboard's webview panel type (package.json activates on `onWebviewPanel:` it): the main
 * bundle registers its serializer, the feature bundle creates the panel.
 */
export const DASHBOARD_VIEW_TYPE = 'ownershipRatio.dashboard';
