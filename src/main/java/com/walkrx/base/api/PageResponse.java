package com.walkrx.base.api;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** The API's paged list: { items, page, size, total }. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }
}
