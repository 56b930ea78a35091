import type { EducationVideo } from '../../../contract/education';

// WeChat's X5/XWeb and iOS web views play a <video> full screen in their own player unless told
// to play it inline: playsinline (iOS 10+), webkit-playsinline (older iOS), x5-playsinline and
// x5-video-player-type="h5" (X5). preload="metadata" fetches only the first bytes (a range
// request) until the resident presses play; the poster shows meanwhile.
const inlineAttributes = {
  'webkit-playsinline': 'true',
  'x5-playsinline': 'true',
  'x5-video-player-type': 'h5',
};

/** The video of a short video or animation item, inline on a phone, with its poster frame. */
export function VideoPlayer({ video, label }: { video: EducationVideo; label: string }) {
  return (
    <video
      className="l-video"
      src={video.src}
      poster={video.poster}
      controls
      playsInline
      preload="metadata"
      aria-label={label}
      width={video.width || undefined}
      height={video.height || undefined}
      data-testid="education-video"
      {...inlineAttributes}
    />
  );
}
