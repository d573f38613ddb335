import { carrierBrand } from '@/utils/view/carriers';

/** A small coloured square with the carrier's initials; a neutral parcel when the carrier is not known. */
export function CarrierMark({ carrier, merchant }: { carrier?: string; merchant?: string }) {
  const brand = carrierBrand(carrier);
  if (!brand) {
    const initial = merchant?.trim().charAt(0).toUpperCase();
    return (
      <span class="mark mark-unknown" aria-hidden="true">
        {initial || '?'}
      </span>
    );
  }
  return (
    <span
      class={`mark${brand.initials.length > 2 ? ' mark-long' : ''}`}
      style={{ background: brand.background, color: brand.foreground }}
      aria-hidden="true"
    >
      {brand.initials}
    </span>
  );
}
