// A camera scan of an asset tag's QR label, offered only where the browser has
// BarcodeDetector (Chromium on Android); elsewhere the tag is typed.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';

interface Detector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

/** Whether this browser can scan codes with the camera. */
export function canScan(): boolean {
  return typeof window !== 'undefined' && 'BarcodeDetector' in window;
}

interface Props {
  onCode: (code: string) => void;
  onClose: () => void;
}

/** The camera view; calls `onCode` with the first code it reads. */
export function Scanner({ onCode, onClose }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stream: MediaStream | undefined;
    let stop = false;
    const Ctor = (window as unknown as { BarcodeDetector: DetectorCtor }).BarcodeDetector;
    const detector = new Ctor({ formats: ['qr_code', 'code_128', 'ean_13'] });
    const loop = async () => {
      while (!stop && video.current) {
        const codes = await detector.detect(video.current).catch(() => []);
        const first = codes[0];
        if (first) return onCode(first.rawValue);
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (!video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        await loop();
      })
      .catch(() => setFailed(true));
    return () => {
      stop = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);
  return (
    <div class="scanner">
      {failed ? <p role="alert">{t('loans.scanFailed')}</p> : <video ref={video} muted playsInline />}
      <button type="button" class="btn btn-secondary" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}
