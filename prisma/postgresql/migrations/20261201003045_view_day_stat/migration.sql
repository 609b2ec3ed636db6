-- CreateTable
CREATE TABLE "ViewDayStat" (
    "cameraId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "country" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "watchSeconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ViewDayStat_pkey" PRIMARY KEY ("cameraId","day","country","device","source")
);

-- CreateIndex
CREATE INDEX "ViewDayStat_day_idx" ON "ViewDayStat"("day");

-- CreateIndex
CREATE INDEX "ViewDayStat_cameraId_day_country_views_watchSeconds_idx" ON "ViewDayStat"("cameraId", "day", "country", "views", "watchSeconds");

-- CreateIndex
CREATE INDEX "ViewDayStat_cameraId_day_device_views_watchSeconds_idx" ON "ViewDayStat"("cameraId", "day", "device", "views", "watchSeconds");

-- CreateIndex
CREATE INDEX "ViewDayStat_cameraId_day_source_views_watchSeconds_idx" ON "ViewDayStat"("cameraId", "day", "source", "views", "watchSeconds");

-- Backfill: the existing hourly rows summed per UTC day.
INSERT INTO "ViewDayStat" ("cameraId", "day", "country", "device", "source", "views", "watchSeconds")
SELECT "cameraId", date_trunc('day', "hour"), "country", "device", "source", SUM("views"), SUM("watchSeconds")
FROM "ViewStat"
GROUP BY 1, 2, 3, 4, 5;
