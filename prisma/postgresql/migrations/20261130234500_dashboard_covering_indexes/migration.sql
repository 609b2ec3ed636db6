-- The dashboard's reads answered from indexes alone: each ViewStat dimension with its sums,
-- ViewHour by hour for all cameras, and preview fetches by portal.
CREATE INDEX "ViewStat_cameraId_hour_country_views_watchSeconds_idx" ON "ViewStat"("cameraId", "hour", "country", "views", "watchSeconds");
CREATE INDEX "ViewStat_cameraId_hour_device_views_watchSeconds_idx" ON "ViewStat"("cameraId", "hour", "device", "views", "watchSeconds");
CREATE INDEX "ViewStat_cameraId_hour_source_views_watchSeconds_idx" ON "ViewStat"("cameraId", "hour", "source", "views", "watchSeconds");
CREATE INDEX "ViewHour_hour_cameraId_views_watchSeconds_idx" ON "ViewHour"("hour", "cameraId", "views", "watchSeconds");
CREATE INDEX "PreviewFetchStat_cameraId_hour_portal_via_fetches_idx" ON "PreviewFetchStat"("cameraId", "hour", "portal", "via", "fetches");
