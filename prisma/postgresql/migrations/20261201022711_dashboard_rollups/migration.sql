-- DropIndex
DROP INDEX "PreviewFetchStat_cameraId_hour_portal_via_fetches_idx";

-- DropIndex
DROP INDEX "PreviewFetchStat_hour_idx";

-- DropIndex
DROP INDEX "ViewStat_cameraId_hour_country_views_watchSeconds_idx";

-- DropIndex
DROP INDEX "ViewStat_cameraId_hour_device_views_watchSeconds_idx";

-- DropIndex
DROP INDEX "ViewStat_cameraId_hour_source_views_watchSeconds_idx";

-- DropTable
DROP TABLE "ViewDayStat";

-- CreateTable
CREATE TABLE "ViewDimensionDay" (
    "cameraId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "watchSeconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ViewDimensionDay_pkey" PRIMARY KEY ("cameraId","day","dimension","value")
);

-- CreateTable
CREATE TABLE "ViewLocalDay" (
    "timeZone" TEXT NOT NULL,
    "cameraId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "watchSeconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ViewLocalDay_pkey" PRIMARY KEY ("timeZone","cameraId","date")
);

-- CreateTable
CREATE TABLE "ViewLocalDayZone" (
    "timeZone" TEXT NOT NULL,
    "cameraId" TEXT NOT NULL,
    "builtAt" TIMESTAMP(3),

    CONSTRAINT "ViewLocalDayZone_pkey" PRIMARY KEY ("timeZone","cameraId")
);

-- CreateTable
CREATE TABLE "PreviewFetchLocalDay" (
    "timeZone" TEXT NOT NULL,
    "cameraId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "portal" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "fetches" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PreviewFetchLocalDay_pkey" PRIMARY KEY ("timeZone","cameraId","date","portal","via")
);

-- CreateTable
CREATE TABLE "PreviewFetchDay" (
    "cameraId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "portal" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "fetches" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PreviewFetchDay_pkey" PRIMARY KEY ("cameraId","day","portal","via")
);

-- CreateIndex
CREATE INDEX "ViewDimensionDay_dimension_day_value_views_watchSeconds_idx" ON "ViewDimensionDay"("dimension", "day", "value", "views", "watchSeconds");

-- CreateIndex
CREATE INDEX "ViewDimensionDay_cameraId_dimension_day_value_views_watchSe_idx" ON "ViewDimensionDay"("cameraId", "dimension", "day", "value", "views", "watchSeconds");

-- CreateIndex
CREATE INDEX "ViewLocalDay_timeZone_date_views_watchSeconds_idx" ON "ViewLocalDay"("timeZone", "date", "views", "watchSeconds");

-- CreateIndex
CREATE INDEX "PreviewFetchLocalDay_timeZone_date_portal_via_fetches_idx" ON "PreviewFetchLocalDay"("timeZone", "date", "portal", "via", "fetches");

-- CreateIndex
CREATE INDEX "PreviewFetchDay_day_portal_via_fetches_idx" ON "PreviewFetchDay"("day", "portal", "via", "fetches");

-- CreateIndex
CREATE INDEX "PreviewFetchStat_hour_cameraId_portal_via_fetches_idx" ON "PreviewFetchStat"("hour", "cameraId", "portal", "via", "fetches");

-- Backfill: the existing hourly rows summed per UTC day.
INSERT INTO "ViewDimensionDay" ("cameraId", "day", "dimension", "value", "views", "watchSeconds")
SELECT "cameraId", date_trunc('day', "hour"), 'country', "country", SUM("views"), SUM("watchSeconds") FROM "ViewStat" GROUP BY 1, 2, 4
UNION ALL
SELECT "cameraId", date_trunc('day', "hour"), 'device', "device", SUM("views"), SUM("watchSeconds") FROM "ViewStat" GROUP BY 1, 2, 4
UNION ALL
SELECT "cameraId", date_trunc('day', "hour"), 'source', "source", SUM("views"), SUM("watchSeconds") FROM "ViewStat" GROUP BY 1, 2, 4;

INSERT INTO "PreviewFetchDay" ("cameraId", "day", "portal", "via", "fetches")
SELECT "cameraId", date_trunc('day', "hour"), "portal", "via", SUM("fetches") FROM "PreviewFetchStat" GROUP BY 1, 2, 3, 4;

-- ViewLocalDay and PreviewFetchLocalDay depend on the configured zones: db:migrate builds them.
